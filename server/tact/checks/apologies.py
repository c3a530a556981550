"""Apologies that hurt: ones that hand the fault back, ones that grovel, ones that fix nothing.

`apology_then_blame`: an apology or admission followed, in the same sentence or the next, by a
clause that puts the fault on the reader or someone else ("Sorry, but you never said...").
`over_apology`: several apologies in one draft. `apology_without_remedy`: an apology for a missed
commitment with no fix, next step or date anywhere in the draft.
"""
from __future__ import annotations

import bisect
import re

import re2

from ..rules.conditions import quoted_at
from ..text import regex
from ..text.regex import fast
from .commitments import CONCRETE_TIME, SPAN, without_quotations
from .registry import Hit, python_check

_I = re.IGNORECASE

APOLOGY = fast(
    r"\b(?:sorry|sorr(?:ies|y+)|apolog(?:y|ies|i[sz]e[sd]?|i[sz]ing)|regret(?:s|ted|fully|tably)?|my\s+bad|forgive\s+me"
    r"|pardon\s+(?:me|the)|mea\s+culpa|excuse\s+(?:me|us)\s+for)\b",
)
# "Sorry to hear", "sorry for your loss": sympathy, not an apology for something done.
_SYMPATHY = fast(
    r"\bsorry\s+(?:to\s+(?:hear|see|learn|read)|for\s+your\s+loss|about\s+your\s+(?:loss|father|mother|dad|mum|mom|husband|wife"
    r"|partner|son|daughter|family|health|illness|diagnosis))\b|\b(?:sorry|regret)\s+(?:that\s+)?you(?:'re|\s+are)\s+(?:unwell|ill|sick|leaving)\b",
)
# Owning a miss without the word sorry: "I missed the assignment, but...".
ADMISSION = fast(
    r"\b(?:I|we)\s+did\s+(?:miss|forget|overlook|mess\s+up|drop|slip|overrun|run\s+(?:over|late)|get\s+(?:it|that|this|the\s+\w+)\s+wrong)\b"
    r"|\b(?:I|we)\s+(?:overran|ran\s+(?:over|late|behind)|fell\s+behind|slipped)\b"
    r"|\b(?:I|we)\s+(?:\w+ed|sent|used|gave|put|took|wrote|built|made|ran)\s+(?:you\s+)?(?:the|an?)\s+(?:wrong|old|outdated|incorrect|previous)\b"
    r"|\b(?:I|we)\s+(?:missed|forgot|overlooked|messed\s+up|dropped\s+the\s+ball|was\s+late|were\s+late|didn't|did\s+not"
    r"|couldn't|could\s+not|wasn't\s+able|weren't\s+able|failed\s+to|got\s+(?:it|that|this|the\s+\w+)\s+wrong"
    r"|made\s+(?:a|an|the)\s+(?:mistake|error))\b|\b(?:partly|partially|my)\s+(?:my\s+)?fault\b"
    # "the filing went in late": the writer's own late work, said without "I"
    r"|\b(?:the|our|my)\s+(?:[\w-]+\s+){0,2}?(?:went\s+(?:in|out|off)|was\s+(?:filed|submitted|lodged))\s+late\b",
)
_CONTRAST = re.compile(
    r"\b(?:but|however|though|although|then\s+again|that\s+said|because|since|as|after\s+all)\b|;|\s[\u2014\u2013-]\s", _I)

# --- Who the fault is handed to ----------------------------------------------------------------
# People and organisations (the reader's side, a colleague, a supplier) and tools that can be blamed.
_PERSON = (
    r"(?:client|customer|vendor|courier|supplier|printer|hotel|venue|intern|contractor|subcontractor|agency|author"
    r"|designer|developer|engineer|freelancer|warehouse|depot|factory|lab|bank|airline|carrier|driver|manager|colleague"
    r"|assistant|lawyer|accountant|partner|landlord|builder|photographer|caterer|board|committee|management|provider"
    r"|host|branch|reception|front\s+desk|boss|director|owner|organi[sz]er|planner|translator|editor|analyst|consultant"
    r"|broker|agent|dispatcher|technician|installer|guy|person|predecessor|temp|recruiter|auditor|architect|shop"
    r"|embassy|consulate|council|authority|authorities|ministry|regulator|customs\s+(?:officers?|office|agents?|brokers?)|post\s+office|registry|insurer|studio|mill|plant"
    r"|tenant|neighbou?r|resident|occupant|guest|visitor|patient|member|parent"
    # trades and services a firm hires in, the usual third parties of "they let us down"
    r"|haulier|hauler|transporter|shipper|forwarder|packer|fitter|cleaner|decorator|glazier|roofer|plumber|electrician"
    r"|mechanic|surveyor|solicitor|locksmith|joiner|carpenter|tiler|plasterer|scaffolder|transcriber|typesetter|proofreader"
    r"|illustrator|videographer|florist|distributor|wholesaler|reseller|partner\s+(?:firm|company|agency))s?"
)
_GROUP = r"(?:team|office|department|staff|people|folks|side|end|IT|finance|accounts|legal|HR|procurement|ops|marketing|sales|crew)"
_MACHINE = (
    r"(?:system|software|tool|app|portal|server|spreadsheet|website|site|CRM|calendar|auto-?correct|spell-?check(?:er)?"
    r"|computer|laptop|network|wi-?fi|connection|database|script|algorithm|machine|scanner|Outlook|Gmail|Excel|Teams"
    r"|Zoom|Slack|inbox|spam\s+filter|firewall|update|upgrade|migration|integration|plug-?in|API|cloud|sync|bot"
    r"|template|printer|booking\s+engine|payment\s+processor)s?"
)
# What the reader or a third party supplied: a vague brief, a late approval.
_THING = (
    r"(?:invite|invitation|notes?|brief|instructions?|email|e-mail|message|request|specs?|specification|data|files?"
    r"|documents?|paperwork|form|PO|purchase\s+order|setup|changes?|design|requirements?|description|directions|address"
    r"|details|answer|reply|response|approvals?|sign-?off|feedback|comments|input|go-ahead|schedule|calendar|deadline"
    r"|timeline|template|ticket|process|information|info|prescription|quote|artwork|copy|proofs?|figures|numbers|list"
    r"|export|logins?|credentials|password|access|dock|desk|mailroom|switchboard|helpdesk|security"
    r"|site|premises|property|room|venue|space|pit|yard|unit|kitchen|payment|deposit|funds|photos|images|content"
    r"|footage|recordings)"
)
_WHERE = r"(?:\s+(?:at|in|from|on|over\s+at)\s+(?:the\s+|your\s+|their\s+|our\s+)?[\w-]+)?"
_HIRED = r"(?:\s+(?:that\s+|who\s+)?(?:we|I|you|they)\s+(?:hired|used|use|chose|booked|brought\s+in|contracted|recommended))?"
# The reader's own material: "the quote you sent", "the address your office gave us".
_READER_ARTEFACT = (
    r"the\s+(?:[\w-]+\s+){1,2}?(?:you|your\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:sent|gave|provided|supplied|shared|approved|chose"
    r"|picked|specified|wrote|signed|uploaded|forwarded|attached|asked\s+for|selected|booked|ordered|requested|recommended|insisted\s+on"
    r"|scanned|filled\s+in|printed|exported|entered|drew|took|made|gave|ran|prepared|compiled|produced|drafted)(?:\s+(?:us|me|over|through))?"
)
# Someone other than the writer. "our team" is the writer owning it, so only individuals and
# outside firms take "our".
_PEOPLE = (
    rf"(?:you|(?:your|the|that|this|their)\s+(?:own\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_PERSON}|{_GROUP}){_HIRED}{_WHERE}"
    rf"|(?:our|my)\s+(?:[\w-]+\s+){{0,2}}?{_PERSON}{_HIRED}|(?:someone|somebody|they|he|she){_WHERE})"
)
_TOOL = rf"(?:(?:your|the|that|this|their|our|my)\s+(?:[\w-]+\s+){{0,2}}?{_MACHINE})"
# Something someone else supplied.
_MATERIAL = (
    rf"(?:(?:your|the|that|this|their)\s+(?:own\s+)?(?:[\w-]+'s\s+)?(?:[\w-]+\s+){{0,2}}?{_THING}|{_READER_ARTEFACT}"
    r"|the\s+(?:[\w-]+\s+){1,2}?(?:I|we)\s+(?:received|got|had|were\s+given|were\s+sent))"
)
_NOBODY = rf"(?:nobody|no\s*-?\s*one|none\s+of\s+(?:you|them|your\s+\w+|the\s+\w+)){_WHERE}"
# What they did wrong. After "didn't"/"never" only duties count: "your bank didn't release the funds"
# is a failure, "you didn't receive it" is not.
_DUTY = (
    r"(?:send|tell|pass|forward|follow|reply|respond|answer|check|read|update|include|mention|flag|let|inform|notify|warn"
    r"|give|provide|share|attach|confirm|copy|cc|deliver|ship|file|submit|return|fill|complete|finish|call|book|pay"
    r"|specify|list|put|add|save|test|proofread|review|sign|approve|chase|process|order|enter|bother|show|turn|say|ask"
    r"|explain|clarify|double-check|back|loop|keep|label|pack|release|install|schedule|bring|leave|remind"
    r"|reach|pick|make|get\s+back|see|look|open|click|print|notice|realise|realize|spot|catch|answer|write|set|have|contain|state)"
)
_NEGATIVE_STATE = (
    r"(?:vague|unclear|incomplete|wrong|incorrect|inaccurate|impossible|confusing|illegible|misleading|ambiguous"
    r"|contradictory|hard\s+to|difficult\s+to|broken|missing|late|out\s+of\s+date|outdated|faulty|garbled|corrupt(?:ed)?"
    r"|unreadable|unusable|blurry|expired|invalid|low[\s-]+res(?:olution)?)"
)
_ACTION = (
    rf"(?:never|(?:didn't|did\s+not|hadn't|had\s+not|haven't|hasn't|wouldn't|couldn't\s+be\s+bothered\s+to)\s+(?:even\s+|actually\s+|bother\s+to\s+)?{_DUTY}"
    r"|failed\s+to|forgot|neglected|omitted|ignored|overlooked|missed|lost|dropped|misplaced|mislaid|sat\s+on|swapped|mixed\s+up"
    r"|(?:was|were)\s+meant\s+to|(?:\w+ed|sent|ran|went\s+off)\s+(?:it\s+|them\s+|out\s+)?twice"
    r"|(?:has\s+been|have\s+been|had\s+been|was|were|is|are|kept)\s+sitting\s+on|kept\s+(?:us|me)\s+waiting|held\s+(?:us|me|it|things)\s+up"
    r"|(?:won't|wouldn't|will\s+not|would\s+not)\s+(?:let|allow)\s+(?:me|us)|(?:does|do|did)\s+not\s+(?:deliver|ship|open|work|cover|support|allow|include|accept)|(?:doesn't|don't)\s+(?:deliver|ship|open|work|cover|support|allow|include|accept)"
    r"|messed\s+up|screwed\s+up|botched|broke|mislabell?ed|misread|misunderstood|misspel(?:led|t)|double-?booked|overbooked"
    r"|let\s+(?:us|me)\s+down|dropped\s+the\s+ball|got\s+(?:it|this|that|the\s+[\w-]+(?:\s+[\w-]+)?)\s+wrong"
    r"|(?:sent|gave|used|supplied|provided|put|uploaded|attached|told)\s+(?:(?:me|us|you)\s+)?(?:the\s+|an?\s+)?(?:wrong|old|outdated|incorrect|previous|last\s+\w+'s)"
    r"|sent\s+(?:(?:me|us)\s+)?(?:[\w'-]+\s+){1,3}instead\s+of|changed\s+(?:the|it|their|your|his|her|its)|moved\s+the|kept\s+changing"
    r"|only\s+(?:told|sent|delivered|gave|mentioned|confirmed|replied|answered|approved|signed|let|got|flagged|shared|provided"
    r"|informed|arrived|came|showed|turned|paid|uploaded|responded)"
    r"|took\s+(?:[\w-]+\s+){0,2}(?:days|weeks|months|ages|forever)|came\s+back\s+(?:[\w-]+\s+){0,3}?late"
    r"|skipped|(?:sent|delivered|shipped|returned|brought|dispatched|posted|turned\s+up|showed\s+up|arrived|came\s+(?:in|through|back)|landed)\s+(?:[\w-]+\s+){0,3}?late"
    r"|(?:kept|keep|keeps)\s+(?:on\s+)?(?:changing|moving|shifting|adding|tweaking|revising)|mov(?:ed|ing)\s+the\s+goal-?posts"
    r"|(?:hadn't|had\s+not|haven't|hasn't|have\s+not|has\s+not)\s+(?:yet\s+|even\s+|actually\s+|still\s+)?(?:released|sent|told|given|paid|returned|signed|approved|confirmed|replied|responded|answered|provided|delivered|shared|passed\s+on|forwarded|processed|cleared)"
    r"|dragg(?:ed|ing)\s+(?:its|their|his|her)\s+feet|(?:has|have|had)\s+been\s+(?:dragging|sitting\s+on)"
    r"|should\s+have\s+(?:told|said|mentioned|let|asked|checked|read|sent|flagged|called|known|realised|realized|noticed|informed|notified|reported|alerted|contacted"
    r"|warned|double-checked|changed|updated|followed|paid|booked|confirmed|signed|raised|spotted|caught|provided|given"
    r"|included|attached|filled|submitted|looked|thought|planned|shared)|could\s+have\s+(?:told|said|mentioned|let|asked|checked|warned|flagged|sent|called|read)|(?:was|were)\s+supposed\s+to"
    r"|(?:said|mentioned|specified|showed|included|covered)\s+nothing|left\s+(?:no|out|off)|glitched|crashed|went\s+down|ate|swallowed|corrupted|mangled|scrambled|rounded|auto-?\w+ed"
    r"|must\s+have|must've|seems\s+to\s+have\s+(?:lost|dropped|eaten|swallowed|deleted|corrupted|sent|changed))"
)
# ...or what was wrong with what they supplied.
_STATE = (
    r"(?:(?:was|were)\s+(?:[\w-]+\s+)?late|(?:was|were)\s+(?:a\s+(?:complete\s+|total\s+|bit\s+of\s+a\s+)?(?:mess|shambles|nightmare|disaster))\b|(?:was|were|is|are)\s+(?:the\s+|an?\s+)?(?:old|wrong|outdated|previous|incorrect)\b"
    rf"|(?:was|were|are|is|had\s+been|arrived|came\s+(?:in|through|back))\s+(?:\w+ly\s+|pretty\s+|quite\s+|very\s+|so\s+|really\s+|a\s+bit\s+|rather\s+|too\s+|still\s+)?(?:{_NEGATIVE_STATE}|incomplete|damaged|unsigned|blank)"
    r"|(?:wasn't|weren't|was\s+not|were\s+not)\s+(?:received|supplied|provided|delivered|sent)\s+(?:in\s+(?:a\s+)?(?:usable|workable|readable|printable|the\s+(?:right|correct|agreed))|on\s+time|in\s+time)"
    r"|(?:hadn't|had\s+not|hasn't|has\s+not|haven't|have\s+not|wasn't|weren't|was\s+not|were\s+not)\s+(?:been\s+|even\s+been\s+)?(?:proofed|proofread|checked|signed|approved|tested|reviewed|updated|finali[sz]ed|sent|shared|confirmed|agreed|completed|filled\s+in|submitted|paid|booked|cleared|passed\s+on)"
    r"|(?:wasn't|weren't|isn't|aren't|was\s+not|were\s+not)\s+(?:\w+ly\s+|very\s+|quite\s+|even\s+)?(?:clear|complete|final|signed|specific"
    r"|accurate|correct|legible|answering|responding|updated|included|copied|told|accessible|cleared|safe)"
    # "the site wasn't ready when we arrived": not ready for the writer, not the writer's own work not ready
    r"|(?:wasn't|weren't|was\s+not|were\s+not)\s+(?:there|around|home|at\s+home|on\s+site|on-?site|in|available|contactable|reachable)\s+(?:to\s+(?:let|meet|sign|open|receive|take|accept|collect|give)|when\s+(?:we|I|the\s+[\w-]+)\s+(?:arrived|got\s+there|turned\s+up|came|called|rang))\b"
    r"|(?:wasn't|weren't|was\s+not|were\s+not)\s+(?:ready|open|prepared)\s+(?:when\s+(?:we|I|the\s+[\w-]+)\s+(?:arrived|got\s+there|turned\s+up|came)|for\s+(?:us|me|our\s+[\w-]+)))"
)
# Any past action of "nobody" is a failure: "nobody told me", "no one had put it in the calendar".
_NOBODY_DID = r"(?:(?:had|has|ever|even|actually|bothered\s+to)\s+)?(?:\w+ed|told|sent|gave|said|put|let|knew|brought|wrote|made|took|showed|thought|read)"
# The reader as subject of a plain past verb, right after a contrast: "..., but you did say the 14th".
_READER_PAST = (
    r"(?:you|your\s+(?:[\w-]+\s+){0,1}[\w-]+)\s+(?:did\s+(?:say|send|ask|tell|write|agree|approve|sign|choose|pick|confirm"
    r"|specify|want|request|order|book)|(?:\w+ed|said|sent|told|asked|gave|wrote|chose|made|put|took|came|went|set|picked"
    r"|wanted|knew|read|sat|left|kept|held|let|stopped|blocked|brought|forgot|lost|missed|changed|ran|got|had)\b)"
    rf"|(?:the|your)\s+(?:[\w-]+\s+){{0,2}}?{_THING}(?:\s+(?:of|on|from|dated)\s+(?:the\s+)?[\w-]+)?\s+(?:clearly\s+|explicitly\s+|specifically\s+|only\s+|plainly\s+)?(?:did\s+(?:say|state|list|show|mention|specify|ask\s+for)|said|stated|listed|showed|specified|asked\s+for|called\s+for|requested|named|mentioned|read|says|states|lists|shows)\b"
    rf"|{_READER_ARTEFACT}\s+(?:clearly\s+|explicitly\s+|specifically\s+|plainly\s+|actually\s+)?(?:was|were|had|said|showed|listed|gave|didn't|did\s+not|did\s+(?:say|show|list|ask|specify|state)|only|never|contained|asked|is|are|says|states|lists|shows)\b"
)
_GAP = r"\s+(?:(?:from|on|at|by)\s+your\s+(?:[\w-]+\s+)?[\w-]+\s+|(?:[\w-]+\s+){0,2}?)"
# A person doing something wrong: the one device that may sit right after "sorry" itself ("I'm sorry
# the new guy sent the wrong version"); there a state or a tool is what the apology is for.
AGENT_AT_FAULT = fast(rf"\b{_PEOPLE}{_GAP}{_ACTION}\b|\b{_NOBODY}\s+(?:[\w-]+\s+)?{_NOBODY_DID}\b")
OTHER_AT_FAULT = fast(rf"\b(?:{_PEOPLE}|{_TOOL}|{_MATERIAL}){_GAP}(?:{_ACTION}|{_STATE})\b|\b{_NOBODY}\s+(?:[\w-]+\s+)?{_NOBODY_DID}\b")
# A name as the one at fault ("Priya forgot to send them"): capitalised, checked in Python.
NAMED_AT_FAULT = fast(rf"\b(?-i:[A-Z][a-z]+)\s+{_ACTION}\b")
# "your remittance for Oak Villas didn't reach you": a name after a preposition is the thing's, not the one who failed
_NAME_AS_OBJECT = re.compile(r"\b(?:for|of|at|to|from|in|on|with|about|by)\s+(?:(?-i:[A-Z])[\w'-]*\s+)*$")
_NOT_NAMES = frozenset("I We It This That There Here What Which Who Sorry Apologies Unfortunately Sadly Honestly Also And But So Yes No Then".split())
READER_AFTER_CONTRAST = fast(
    r"(?:\bbut|\bhowever|\bthough|\balthough|\bmind\s+you|\bto\s+be\s+(?:fair|honest)|\bin\s+(?:all\s+)?fairness|\bthen\s+again|\bthat\s+said"
    rf"|\bafter\s+all|\bbecause|\bsince|;|\s[\x{{2014}}\x{{2013}}-])\s*,?\s*{_READER_PAST}"
)
# Other ways an apology hands the fault back or waves it off.
EXCUSE = fast(
    r"\bif\s+I(?:'d|\s+had)\s+been\s+(?:in\s+the\s+loop|told|informed|copied|kept|included|given|warned|reminded|consulted|asked)\b"
    r"|\bif\s+(?:you|your|someone|somebody|anyone|nobody|they|the\s+\w+)[^.;!?]{0,50}?(?:\bhad|'d)\s+(?:just\s+)?"
    r"(?:been|\w+ed|sent|told|read|done|seen|kept|made|got|gone|given|known|written)\b"
    r"|\bto\s+be\s+(?:fair|honest)\b|\bin\s+(?:all\s+)?fairness\b|(?:^|[^m\s]\s+|[,;:.!?\x{2014}\x{2013}-]\s*)honestly,?\s+the\b|\bultimately,?\s+(?:you|your|it\s+was)\b"
    r"|\bnot\s+(?:our|my)\s+(?:fault|call|problem|responsibility|department|job|platform|doing|error|mistake)\b|\bnot\s+(?:us|me)\b"
    r"|\bout\s+of\s+(?:our|my)\s+hands\b|\bbeyond\s+(?:our|my)\s+control\b|\bnothing\s+(?:I|we)\s+could\s+(?:do|have\s+done)\b"
    r"|\b(?:that's|that\s+is|it's|it\s+is)\s+on\s+(?:the\s+\w+|you|your)|\btheir\s+(?:problem|fault|responsibility|call)\b"
    r"|\b(?:was|is)\s+your\s+(?:responsibility|job|call|fault|problem|change|mistake|error|decision)\b|\bonus\s+on\b"
    # "it was the client's call" hands off a decision; "Tuesday's call" is a meeting: "call" needs the copula
    r"|\b\w+'s\s+(?:job|responsibility|fault|mistake|error|doing)\b|\b(?:was|is|were|'s)\s+(?:\w+\s+)?\w+'s\s+call\b|\bwhich\s+(?:stemmed|came|resulted)\s+from\s+(?:the|your|their|a|an|his|her|[\w-]+'s)\b"
    r"|\b(?:caused\s+by|due\s+to)\s+(?:your|the\s+client|the\s+customer|incorrect|wrong)\b"
    r"|\b(?:every|most|all|any)\s+\w+\s+(?:I've|I\s+have|we've)\s+(?:ever\s+)?(?:met|seen|known|worked\s+with|dealt\s+with)\b"
    r"|\beasy\s+mistake\s+to\s+make\b|\banyone\s+would\s+have\b|\b(?:it|this)\s+was\s+only\b|\bonly\s+(?:one|a)\s+(?:letter|typo|minute|day|small|tiny)\b"
    r"|\bto\s+a\s+point\b|\bmostly\s+(?:it's|it\s+was|it\s+is)\s+the\b|\bhardly\s+the\s+end\b|\bover-?react|\babsolute\s+chaos\b"
    r"|\b(?:I\s+was|we\s+were)\s+(?:just|only)\s+following\b|\bas\s+(?:approved|instructed|requested|specified)\s+by\s+(?:you|your)\b"
    r"|\b(?:nobody|no\s+one|everyone)\s+else\b|\bmost\s+(?:people|clients|customers|users)\s+(?:manage|find|understand|get|have\s+no)\b"
    r"|\b(?:I\s+was|we\s+were)\s+(?:given|told|sent|handed)\s+the\s+(?:wrong|old|outdated|incorrect)\b|\bto\s+the\s+letter\b"
    r"|\bnot\s+for\s+what\s+I\s+(?:said|did|wrote)\b|\bper\s+the\s+contract\b"
    # "…, but the error comes from the file your colleague sent us", "which originated in the data supplied by your office"
    rf"|\b(?:error|mistake|problem|issue|fault|discrepanc(?:y|ies)|typos?|confusion|delay|hold-?up|mix-?up|it|which|they|these|those)\s+(?:[\w-]+\s+){{0,5}}?"
    rf"(?:came|comes|come|originated|originates|stemmed|stems|started|starts|began|arose|lies|lay|taken|lifted|copied|pulled)\s+(?:directly\s+|straight\s+)?(?:from|with|in|at)\s+(?:{_READER_ARTEFACT}|(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:supplied|provided|sent|prepared|entered|given|made|keyed|typed|filled\s+in)\s+by\s+your|your\b|the\s+client|the\s+customer)"
    # "which were set by our previous account manager", "which was drawn up by your PA"
    r"|\b(?:was|were|had\s+been)\s+(?:originally\s+|first\s+|all\s+)?(?:set|agreed|drawn\s+up|prepared|made|written|entered|chosen|supplied|provided|approved|signed\s+off|arranged|booked|negotiated|quoted|priced|put\s+together|compiled|created|keyed|done|handled)\s+(?:like\s+(?:this|that)\s+|this\s+way\s+)?by\s+(?:your\b|my\s+predecessor|(?:our|my|the)\s+(?:previous|former|old|last|outgoing)\s+[\w-]+)"
    r"|\b(?:it's|it\s+is|that's|that\s+is|the\s+[\w-]+\s+is)\s+the\s+same\s+for\s+(?:every|all|any)\w*|\b(?:can't|cannot|can\s+not|don't|do\s+not)\s+make\s+(?:any\s+)?exceptions\b"
    # "we couldn't build the pages without the photos", "we were only sent page one": what was missing is the excuse
    r"|\b(?:couldn't|could\s+not|weren't\s+able\s+to|wasn't\s+able\s+to|were\s+unable\s+to|was\s+unable\s+to)\s+(?:build|finish|start|complete|deliver|ship|print|send|process|file|proceed|go\s+ahead|book|install|fit|run|launch|publish|test|release|prepare|submit|issue|pay|do\s+(?:the|any|anything))\s+(?:[\w-]+\s+){0,3}?without\s+(?:the|your|their|any|a|an)\b"
    r"|\b(?:we|I)\s+(?:were|was)\s+only\s+(?:ever\s+)?(?:sent|given|told|shown|provided|supplied|handed)\b"
    r"|\b(?:we|I)\s+(?:did\s+|were\s+|was\s+)?(?:depend|depended|depending|rely|relied|relying)\s+on\s+(?:you|your|the\s+client|the\s+customer)\b"
    r"|\bonly\s+(?:reached|got\s+to|came\s+(?:to|through\s+to))\s+(?:us|me)\b"
    r"|\bit\s+(?:was|is)\s+(?:your|the\s+client's|the\s+customer's|their)\s+(?:[\w-]+\s+)?[\w-]+\s+(?:who|that)\b"
    r"|\b(?:but|however|though|although|as|because|since)\s+(?:we|I)\s+only\s+(?:received|got|had)\b|\b(?:we|I)\s+(?:didn't|did\s+not)\s+(?:receive|get|have)\s+[^.;!?]{0,40}?\buntil\b"
    r"|\b(?:exactly|precisely)\s+as\s+(?:you|your\s+[\w-]+)\s+(?:gave|sent|supplied|provided|wrote|specified|asked|requested|approved|entered|filled)\b"
    r"|\b(?:we|I)\s+(?:were|was|had\s+been|have\s+been|'ve\s+been)\s+(?:still\s+|just\s+|only\s+)?waiting\s+(?:on|for)\s+(?:you|your)\b"
    r"|\b(?:exactly|precisely)\s+(?:what|as)\s+(?:was\s+|were\s+)?(?:specified|ordered|requested|approved|agreed|signed\s+off|asked\s+for|listed|described)\b"
    r"|\bmatch(?:ed|es)\s+(?:the|your)\s+(?:approved|signed-?off|agreed|final)\b|\b(?:exactly|precisely)\s+what\s+(?:you|your)\b"
    r"|(?:\bnot|n't)\s+(?:[\w']+\s+){0,2}?(?:a\s+|that\s+|such\s+a\s+)?(?:big|huge|major)\s+(?:a\s+)?deal\b|\byou(?:'re|\s+are)\s+not\s+(?:our|my|the)\s+only\b"
    r"|\b(?:the|our|your)\s+(?:terms|instructions|guide|manual|FAQ|docs|documentation|email|page|contract)\s+(?:explain|state|say|spell|cover|mention)s?\s+(?:it|this|that)?\s*(?:clearly|plainly|explicitly|in\s+detail)\b",
)
# Every device `_blame_in` looks for, in one scan: most apologies blame nobody, and one search that
# finds nothing replaces five.
# The union's DFA needs more than RE2's default 8 MB budget: with it, RE2 falls back to the much
# slower NFA on most calls.
UNION_OPTIONS = re2.Options()
UNION_OPTIONS.case_sensitive = False
UNION_OPTIONS.log_errors = False
UNION_OPTIONS.max_mem = 64 << 20
ANY_BLAME = regex.compile(
    "|".join(f"(?:{r.pattern})" for r in (AGENT_AT_FAULT, OTHER_AT_FAULT, NAMED_AT_FAULT, READER_AFTER_CONTRAST, EXCUSE)), UNION_OPTIONS)
# A regret opener that is not an apology ("Unfortunately, ...") is an excuse only when it blames
# someone on the writer's own side or hired by them: news about the reader's bank is just news.
REGRET_OPENER = fast(r"\b(?:unfortunately|sadly|regrettably)\b")
_OWN_SIDE = re.compile(r"^(?:our|my)\s|\s(?:we|I)\s+(?:hired|used|use|chose|booked|brought\s+in|contracted)\b", _I)
# Blame first, own failure after: "Your team never sent the ledgers, so we couldn't finish."
CONSEQUENCE = fast(
    r"(?:,?\s+(?:so|and\s+so|which\s+is\s+why|that's\s+why|hence|meaning)\s+(?:I|we|it|this|that|the\s+[\w-]+|everything))"
    r"(?:\s+(?:[\w-]+\s+)?(?:couldn't|could\s+not|can't|cannot|wasn't\s+able|weren't\s+able|had\s+to\s+wait|missed|slipped)"
    r"|(?:'s|'re|\s+(?:is|was|are|were|got|ran|fell))\s+(?:\w+\s+)?(?:late|delayed|behind|held\s+up|on\s+hold|stuck))\b"
    r"|\bhence\s+the\s+(?:delay|mix-?up|error|confusion)\b"
)
# Idioms that blame by themselves, with or without an apology: "our subcontractor dropped the ball".
SCAPEGOAT = fast(
    rf"\b(?:{_PEOPLE}|{_TOOL})(?:,\s+(?:who|which))?{_GAP}(?:dropped\s+the\s+ball|messed\s+(?:it\s+|things\s+|this\s+)?up|screwed\s+(?:it\s+|this\s+)?up"
    r"|let\s+(?:us|me)\s+down|botched|sat\s+on\s+(?:it|this|that|the|your)|made\s+a\s+(?:mess|hash)\s+of)\b"
)
# Words that send something: "attached", "enclosed", "here it is", "below", "in your inbox".
SENDING = r"\battach(?:ed|ing)\b|\benclosed\b|\bin\s+your\s+inbox\b|\bhere(?:'s|\s+is|\s+are|\s+(?:it|they|this|these)\s+(?:is|are))\b|\bbelow\b"
# A fix, next step or new date: what turns an apology into a good one.
REMEDY = fast(
    r"\b(?:I|we)(?:'ve|\s+have)\s+(?:now\s+|just\s+|already\s+|since\s+)?\w+(?:ed|en|t)\b"
    r"|\b(?:I|we)(?:'ve|\s+have)\s+(?:now\s+|just\s+|already\s+)?(?:sent|put|made|set|built|found|told|said|paid|got|run|spoken)\b"
    r"|" + SENDING + r"|\b(?:with\s+you|in\s+the\s+post)\s+now\b|\b(?:is|are)\s+(?:now\s+)?here\b|\bfrom\s+now\s+on\b|\bgoing\s+forward\b"
    r"|\bre(?:schedul|book|ship|sen[dt]|fund|issu|print|rout|order|arrang)\w*\b|\breplacement\b|\bcredited\b|\b(?:a|the|your|in|full)\s+credit(?:\s*[.,;:!)]|\s*$|\s+(?:of|for|to|on|against|worth|will|has|have|is|was|should|now|applied|issued|back|note|memo|and))|\bcredit\s+(?:note|memo|you|your|it|them|the\s+(?:account|difference|fee)|back)\b"
    r"|\b(?:could|can|shall)\s+we\b|\blet's\b|\bwould\s+\w+\s+(?:work|suit)\b|\bdoes\s+\w+\s+work\b|\bare\s+you\s+free\b|\binstead\b"
    r"|\b(?:fixed|corrected|resolved|sorted|updated|moved|approved|ready\s+for|is\s+now|are\s+now|(?:it|they|that|this)(?:'s|'re)\s+now|on\s+(?:its|their)\s+way|renewed|restored|back\s+(?:up|online|in\s+service|to\s+normal))\b"
    # "It won't happen again" promises the next time, not a fix for this one
    r"|\b(?:I|we)(?:'ll|\s+will)\s+(?:call|send|have|get|deliver|ship|bring|make\s+sure|set|book|fix|cover)\b"
    # the next step asked of the reader: "I missed the call, so could you send the notes?"
    r"|\b(?:could|can|would)\s+you\s+(?:please\s+)?(?:send|forward|add|share|resend|re-send|give|grant|copy|loop)\b"
    # a new arrival time: "the sandstone should arrive next week"
    r"|\b(?:should|will|'ll)\s+(?:now\s+)?(?:arrive|land|reach\s+you|be\s+with\s+you)\b"
    # a promise to deliver, even an undated one: its vagueness is vague-commitment's finding, not a missing remedy
    r"|\b(?:I|we)(?:'ll|\s+will)\s+(?:try\s+(?:to|and)\s+)?(?:get|send|pass|hand|bring)\s+(?:it|this|that|them|the\s+[\w-]+)\s+(?:\w+\s+)?(?:to|over|across|back)\b"
    r"|\b(?:I|we)(?:'ll|\s+will)\s+(?:try\s+(?:to|and)\s+)?get\s+(?:it|this|that|them)\s+(?:sorted|done|fixed|finished|over|filed|sent)\b"
    # "I'm hoping to get it over to you soon": a hedged promise to deliver is still the next step
    r"|\b(?:I|we)(?:'m|\s+am|'re|\s+are)\s+(?:hoping|planning|aiming|intending|expecting)\s+to\s+(?:get|send|pass|hand|bring)\s+(?:it|this|that|them|the\s+[\w-]+)\s+(?:\w+\s+)?(?:to|over|across|back)\b",
)
# What the apology is for: a missed commitment or a failure the reader is left holding.
FAILURE = fast(
    r"\b(?:missed|missing|no-?show(?:ed|ing)?|forgot|forgotten|slipped\s+my\s+mind|didn't|did\s+not|couldn't|could\s+not"
    r"|wasn't\s+able|weren't\s+able|(?:was|were)\s+unable\s+to|for\s+not\s+\w+ing|for\s+(?:failing|our\s+failure|my\s+failure)\s+to|(?:was|were)\s+(?:unavailable|down|offline)|haven't|hasn't|still\s+(?:isn't|aren't|not|hasn't|haven't|don't|doesn't|out)"
    r"|(?:isn't|aren't|wasn't|weren't|not)\s+(?:yet\s+)?(?:ready|done|finished|delivered|complete|completed|paid|served|available|there)"
    r"|(?:isn't|aren't|wasn't|weren't|was\s+not|were\s+not|is\s+not|are\s+not)\s+(?:yet\s+)?with\s+you"
    r"|(?:wasn't|weren't|hasn't|haven't|hadn't)\s+(?:been\s+)?(?:sent|done|given|paid|made|built|run|shown|put|brought|taken|written)\b"
    # "that's on me" owns a miss; "it's on us" may be a treat
    r"|(?:that's|that\s+is|this\s+is|this\s+one's|that\s+one's)\s+(?:all\s+|entirely\s+|squarely\s+)?on\s+(?:me|us)"
    r"|(?:we|I|our\s+(?:side|team|end|crew))\s+(?:\w+\s+)?delayed\b|overdue|overran|slipped|late\b|damaged|outages?\b|downtime|(?:service|system)\s+(?:interruption|disruption)|slow\s+(?:replies|responses|response\s+times?)|"
    r"lost\s+track|never\s+got\s+round|wasn't\s+at|dropping\s+off|not\s+turning\s+up"
    r"|(?:running|run|ran|fallen|fell|got|gotten|are|is|was|were)\s+(?:a\s+(?:bit|little|week|day|few\s+days)\s+|well\s+|badly\s+)?behind\b"
    r"|(?:we|I)\s+(?:(?:had|have)\s+to\s+)?(?:cancel|cancell?ed|postpone|postponed|call\s+off|called\s+off)\b"
    r"|(?:stood|standing|stand)\s+you\s+up|dropping\s+the\s+ball|non-?(?:delivery|arrival|payment|attendance|appearance|completion)|(?:was|were|am|are|is)\s+not\s+able"
    r"|(?:the|this|that)\s+oversight|(?:was|were|got|has\s+been|have\s+been)\s+(?:cancell?ed|postponed|overlooked|forgotten)"
    r"|never\s+(?:went\s+out|arrived|came|turned\s+up|showed\s+up|got\s+sent|shipped|made\s+it\s+(?:to|over|across|out))"
    # the delay of a thing owed: "the delay of your delivery to Atlanta", "the hold-up with your visa paperwork"
    # ("any delay to the survey" hedges: blame-shifting's finding)
    r"|(?:the|this|our|my)\s+(?:[\w-]+\s+)?(?:delay|hold-?up)s?\s+(?:to|of|with|in)\s+(?:the|your|our)\s+[\w-]+"
    r"|delay\s+in\s+(?:issuing|sending|processing|getting\s+(?:the|your|it|them)|delivering|shipping|paying|completing|finishing|fixing|returning|refunding|booking|confirming|filing|submitting|publishing|preparing)|(?:had\s+)?(?:committed|promised)\s+to\s+\w+ing"
    r"|owe\s+you|(?:don't|do\s+not)\s+have\s+(?:an?\s+)?(?:update|answer|news)|dropped\s+the\s+ball|messed\s+up|screwed\s+up|blew\s+it"
    r"|(?:my|our)\s+(?:fault|mistake|error|oversight)|went\s+quiet|going\s+quiet|out\s+of\s+stock|did\s+not\s+complete|not\s+(?:been\s+)?(?:delivered|paid|processed|sent)"
    # a promise withdrawn or a deadline that will pass: "won't be ready", "can no longer host"
    r"|(?:won't|will\s+not|(?:isn't|aren't|is\s+not|are\s+not)\s+going\s+to)\s+be\s+(?:ready|done|finished|complete|completed|delivered|available|possible)"
    r"|(?:won't|will\s+not)\s+be\s+able\s+to\s+[^.;!?]{0,40}?(?:after\s+all|as\s+(?:promised|agreed|planned)|any\s?more)"
    r"|can\s+no\s+longer|no\s+longer\s+(?:able|possible|available)"
    r"|(?:wasn't|weren't|was\s+not|were\s+not|hasn't\s+been|haven't\s+been)\s+(?:cut|set|fit|shut|hung|laid|read|dealt|swept|dug|bought|won|drawn|driven|chosen|sewn|mown|grown|thrown|blown|sent\s+out|picked\s+up|signed\s+off)\b"
    r"|(?:has|have|had)\s+not\s+(?:yet\s+)?(?:sent|done|given|paid|made|built|run|shown|put|brought|taken|written|\w+ed)\b|(?:has|have|had)\s+not\s+been|(?:was|were)\s+not\s+(?:\w+ed|\w+en|kept|met|sent|done|paid|set\s+up|held|made|built|run|brought|found|told|sold|shown|put|honou?red)\b|(?:wasn't|weren't|hasn't|haven't|hadn't)\s+(?:been\s+)?\w+ed\b"
    r"|(?:nobody|no\s+one|no-one)\s+(?:\w+ed|rang|called|got\s+back|came|showed|turned\s+up|told|sent|wrote)\b"
    # something delivered broken or wrong, or a service that failed
    r"|broken|broke|smudged|faulty|defective|torn|scratched|cracked|dented|stained|crashed|failed|bounced|went\s+down|came\s+out\s+\w+"
    r"|had\s+the\s+wrong|(?:I|we)\s+(?:\w+ed|put|sent|gave|wrote|used|made)\s+(?:you\s+)?(?:the|a|an)\s+wrong"
    # the wrong thing sent in place of the right one, or too few: "we ordered the fittings in chrome instead of the
    # brushed nickel you selected", "we shipped only 500 of the 800 oscillators", "your order arrived ten boxes short"
    r"|(?:I|we)\s+(?:(?:accidentally|mistakenly|wrongly)\s+)?(?:sent|shipped|delivered|ordered|supplied|installed|fitted|printed|packed|booked|loaded|labell?ed|invoiced|charged|quoted)\s+[^.;!?]{0,60}?\binstead\s+of"
    r"|(?:only|just)\s+\d[\d,]*\s+(?:of|out\s+of)\s+(?:the\s+|your\s+)?\d[\d,]*"
    r"|(?:arrived|came\s+in|came|shipped|delivered)\s+(?:[\w-]+\s+){1,2}?short\b"
    # the writer going silent: "sorry I've been MIA", "going radio silent"
    r"|(?-i:MIA)|AWOL|radio\s+silen(?:t|ce)|(?:gone|went|going)\s+(?:dark|silent)|off\s+the\s+(?:radar|face\s+of)"
    # a promise named as broken: "like I said I would", "I know I said...", "as I'd promised", "I never rang back"
    r"|(?:like|as)\s+(?:I|we)(?:'d|\s+had)?\s+(?:said|told\s+you|promised)\s+(?:I|we|it|they|he|she)(?:'d|\s+would)"
    r"|(?:as|like)\s+(?:I|we)(?:'d|\s+had)?\s+promised|(?:I|we)\s+know\s+(?:I|we)\s+(?:said|promised|told\s+you)"
    # session 7: "I wasn't on the call with your board", "it went out of my head", "I was meant to send it", "never left our studio"
    r"|(?:was|were)\s+not\s+at\s+(?:your|the|our)\s+(?:[\w-]+\s+){0,2}?(?:lab|site|office|house|home|premises|meeting|call|appointment|event|venue|door|desk|session)"
    r"|(?:wasn't|weren't|was\s+not|were\s+not)\s+on\s+(?:the|our|your|this|that|today's|yesterday's)\s+(?:[\w-]+\s+){0,2}?(?:call|meeting|session|demo|visit|review|briefing|hearing|viewing|webinar|walkthrough)"
    r"|went\s+(?:clean\s+|completely\s+|right\s+)?out\s+of\s+my\s+head|(?:was|were)\s+(?:meant|supposed)\s+to\s+(?:send|call|ring|book|bring|deliver|file|finish|post|pay|get|have)|still\s+sitting\s+(?:on|in)"
    r"|never\s+left\s+(?:our|the|my)\s+(?:[\w-]+\s+)?(?:studio|warehouse|office|depot|desk|workshop|building|premises|outbox)"
    r"|(?:I|we)\s+never\s+(?:rang|called|phoned|got\s+back|got\s+round|sent|replied|responded|wrote\s+back|came\s+back|followed\s+up|delivered|booked|confirmed|finished|submitted|filed|paid|posted|shipped)|let\s+(?:it|that|this|things|the\s+[\w-]+)\s+slip)\b",
)
# "Sorry you feel...", "sorry if...": not an apology for a miss but a non-apology (blame-shifting).
_NOT_AN_APOLOGY = re.compile(r"\b(?:sorry|apologi[sz]e|apologies|regret)\s+(?:that\s+)?(?:if\b|you\b|(?:for\s+)?any\s+[\w-]+\s+(?:that\s+|which\s+)?(?:may|might)\s+have\b)", _I)
# "Sorry I missed you at the party": a missed chance to meet, not a missed commitment.
_SOCIAL = r"(?:party|drinks|dinner|lunch|leaving\s+do|celebration|wedding|barbecue|bbq|happy\s+hour|reception|golf\s+day|picnic|game|match|social|get-together|christmas\s+do)"
_SOCIAL_MISS = re.compile(r"\bmissed\s+(?:you|seeing\s+you|each\s+other|catching\s+you)\s+(?:at|on|in|when|yesterday|today|last|this)\b"
                          rf"|\b(?:couldn't|could\s+not|can't|won't\s+be\s+able\s+to)\s+(?:make(?:\s+it\s+to)?|join|be\s+at|come\s+to|get\s+to)\s+(?:the|your)\s+(?:[\w-]+\s+)?{_SOCIAL}\b"
                          rf"|\bmissed\s+(?:the|your)\s+(?:[\w-]+\s+)?{_SOCIAL}\b"
                          r"|\b(?:couldn't|could\s+not|didn't|did\s+not)\s+(?:get\s+together|catch\s+up|meet\s+up)\b", _I)
# An apology for a slow reply is answered by the reply itself, unless the writer still has nothing.
_SLOW_REPLY = re.compile(
    r"\b(?:late|slow|delayed|belated)\s+(?:reply|response|answer)\b|\bdelay\s+in\s+(?:getting\s+back|responding|replying)\b"
    r"|\b(?:haven't|hadn't|have\s+not|not)\s+(?:been|being|getting|got)\s+in\s+touch\b"
    r"|\bnot\s+(?:replying|responding|answering|writing\s+back|getting\s+back(?:\s+to\s+you)?)\s+(?:sooner|earlier|before\s+now)\b", _I)
# "It will be a few days late": the apology itself says when it comes.
_NEW_ETA = re.compile(
    r"\b(?:will|'ll)\s+be\s+(?:about\s+|around\s+|roughly\s+|only\s+)?(?:a\s+(?:few|couple\s+of)|an?|one|two|three|\d+)\s+(?:minutes?|mins?|hours?|days?|weeks?)\s+late\b", _I)
_STILL_NOTHING = re.compile(r"\bstill\s+(?:haven't|have\s+not|don't|do\s+not)\b|\bnot\s+yet\b|\bhaven't\s+had\s+a\s+chance\b", _I)


def _apologies(draft) -> list[tuple[int, int, int]]:
    """(sentence index, start, end) of every apology in the writer's own words, in draft order
    (three checks ask for it: computed once per draft)."""
    return draft.memo("apologies.apologies", _find_apologies)


def _find_apologies(draft) -> list[tuple[int, int, int]]:
    found, sympathy_of = [], {}
    for index, start, end in scan(draft, APOLOGY):
        sentence = draft.sentences[index]
        if index not in sympathy_of:
            text = without_quotations(sentence.text)
            low = text.lower()
            sympathy_of[index] = [m.span() for m in _SYMPATHY.finditer(text)] if "sorry" in low or "regret" in low else []
        at, to = start - sentence.start, end - sentence.start
        if any(s <= at < e for s, e in sympathy_of[index]) or _is_a_title(sentence.text, at, to) or quoted_at(draft, start):
            continue  # sympathy, a shop name, or someone else's words ('The Sorry Talk', single-quoted)
        found.append((index, start, end))
    return found


def _is_a_title(text: str, start: int, end: int) -> bool:
    """"Sorry! Deluxe", a name with a capital after it, is a title, not an apology."""
    rest = text[end:end + 3]
    return text[start:end] == "Sorry" and rest[:1] == "!" and rest[1:2] == " " and text[end + 2:end + 3].isupper() and start > 0


def scan(draft, regex) -> list[tuple[int, int, int]]:
    """(sentence index, start, end) in draft.text of each match of `regex` in the writer's own words,
    as a search of each sentence on its own (quotations blanked) would find them, from one scan of the
    draft: only a sentence holding a quotation, or touched by a match that runs past a sentence
    edge, is searched again on its own. Each regex is scanned once per draft."""
    scans = draft.memo("apologies.scans", lambda _: {})
    cached = scans.get(id(regex))
    if cached is not None:
        return cached
    if id(regex) in _PRESENCE_INDEX and _PRESENCE_INDEX[id(regex)] not in _present(draft):
        scans[id(regex)] = []
        return []
    sentences = draft.sentences
    index_of = _index_of(draft)
    found, again = [], set()
    for range_start, range_end in draft.new_ranges:
        for m in regex.finditer(draft.folded, range_start, range_end):
            first = draft.sentence_at(m.start())
            if first is not None and m.end() <= first.end and '"' not in first.text:
                found.append((index_of[first.start], m.start(), m.end()))
                continue
            last = draft.sentence_at(max(m.start(), m.end() - 1))
            for sentence in (first, last):  # a match across an edge: each side alone decides
                if sentence is not None:
                    again.add(index_of[sentence.start])
            if first is None or last is None or first is not last:
                lo = index_of[first.start] if first is not None else bisect.bisect_left(draft.sentence_starts, m.start())
                hi = index_of[last.start] if last is not None else bisect.bisect_left(draft.sentence_starts, m.end()) - 1
                again.update(range(max(lo, 0), min(hi, len(sentences) - 1) + 1))
    if again:
        found = [f for f in found if f[0] not in again]
        for index in sorted(again):
            sentence = sentences[index]
            text = without_quotations(sentence.text)
            found.extend((index, sentence.start + m.start(), sentence.start + m.end()) for m in regex.finditer(text))
        found.sort()
    scans[id(regex)] = found
    return found


def _present(draft) -> set[int]:
    """Which of the trigger regexes match anywhere in the new text: one RE2 set pass, far cheaper than
    a scan each (most drafts hold no apology, admission or scapegoat at all)."""
    return draft.memo("apologies.present", lambda d: set(_PRESENCE.Match(d.new_text) or ()))


def _index_of(draft) -> dict[int, int]:
    return draft.memo("apologies.index_of", lambda d: {s.start: i for i, s in enumerate(d.sentences)})


def _blame_in(text: str, start: int = 0, end: int | None = None, regret_only: bool = False, clause: int | None = None):
    """The earliest clause in text[start:end] that hands the fault to someone else, as (start, end).
    Before `clause` (the words an apology is about) only someone else's action counts."""
    end = len(text) if end is None else end
    if start >= end or ANY_BLAME.search(text, start, end) is None:
        return None
    clause = start if clause is None else clause
    found = []
    for regex, begin in ((AGENT_AT_FAULT, start), (OTHER_AT_FAULT, clause)):
        for m in regex.finditer(text, begin, end):
            if (regret_only and not _OWN_SIDE.search(m.group())) or _WRITERS_OWN.search(m.group()):
                continue
            if m.start() < clause and (_OWN_GROUP.match(m.group()) or (not regret_only and _OWN_PERSON.match(m.group()))):
                continue  # "Sorry the crew / our engineer didn't turn up": what the apology is for, the writer's own people
            if regex is AGENT_AT_FAULT and _COMPOUND.match(m.group()):
                continue  # "sorry the vendor list never made it to you": the list, not the vendor, is the subject
            if _OWN_MESSAGE.match(m.group()) or _PASSIVE_END.search(m.group()):
                continue  # "sorry this reply is so late", "your office were missed": nobody else failed
            if m.group()[:3].lower() == "you" and _AS_A_RESULT.search(text, max(0, m.start() - 30), m.start()):
                continue  # "we forgot the reminder, which is why you missed the slot": the reader bore the miss
            if _OWN_POLICY.match(m.group()):
                continue  # "our drivers don't cover the islands": a fact about the writer's own service
            if m.group()[:3].lower() == "you" and _YOU_AS_OBJECT.search(text, max(0, m.start() - 20), m.start()):
                continue  # "the samples I promised you last week didn't ship": the writer's promise, not the reader's failure
            if m.group()[:3].lower() == "you" and re.search(r"(?:sorry|apologies|regret)(?:\s+that)?\s+$", text[:m.start()], _I):
                continue  # "sorry you missed it": a non-apology, blame.non-apology judges the words after it
            found.append(m.span())
            break
    for m in NAMED_AT_FAULT.finditer(text, start, end):
        if m.group().split()[0] not in _NOT_NAMES and not _NAME_AS_OBJECT.search(text, max(0, m.start() - 30), m.start()):
            found.append(m.span())
            break
    if not regret_only:
        for regex in (READER_AFTER_CONTRAST, EXCUSE):
            m = regex.search(text, start, end)
            if m is not None and not (regex is EXCUSE and _CANDOUR_THEN_OWNING.match(text, m.start())) \
                    and not (regex is READER_AFTER_CONTRAST and (_PRAISE.match(text, m.end()) or _SLIPPED_THROUGH.search(m.group()) and _THROUGH.match(text, m.end()))):
                found.append(m.span())
    if not found:
        return None
    span = min(found)
    owned = OWNERSHIP.search(text)
    if owned is not None and not (owned.end() <= span[0] and _BUT.search(text, owned.end(), span[0])):
        return None  # "If the figures I sent were confusing, that's my fault": owned, not handed back
    return span


# Owning it outright. Blame before it, or after it with no "but", is part of owning it.
OWNERSHIP = fast(
    r"\b(?:my|our)\s+(?:own\s+)?(?:fault|mistake|error|bad|oversight|responsibility|doing)\b"
    r"|\b(?:that's|that\s+is|it's|it\s+is|this\s+is|this\s+one's|that\s+one's)\s+(?:entirely\s+|all\s+|squarely\s+)?on\s+(?:me|us)\b"
    r"|\b(?:I|we)\s+should\s+have\b|\b(?:I|we)\s+take\s+(?:full\s+)?responsibility\b|\bI\s+(?:own|owe\s+you)\s+(?:that|this|it)\b"
    # the writer's own failing as the cause: "I am useless with Excel formulas"
    r"|\b(?:I'm|I\s+am)\s+(?:\w+\s+)?(?:useless|hopeless|rubbish|terrible|not\s+(?:very\s+)?good)\s+(?:with|at)\b"
)
# A person word as the modifier of a thing ("the vendor list", "the client portal"): the thing is the subject.
_COMPOUND = fast(rf"^(?:your|the|that|this|their)\s+(?:own\s+)?(?:[\w-]+\s+){{0,2}}?{_PERSON}\s+(?:{_THING}|list|valuation|report|account|number|code|order|record|pack|sheet|portal|register|log|statement|invoice)s?\b")
# The reader's reaction as what an apology is for: "sorry the process seemed unclear to you".
_REACTION = fast(r"\b(?:to|confused|upset|bothered|annoyed|frustrated|offended|disappointed|hurt)\s+you\b"
                 r"|\bwhat\s+you\s+(?:imagined|expected|pictured|had\s+in\s+mind|wanted|hoped\s+for|envisaged|envisioned)\b")
_BUT = re.compile(r"\b(?:but|though|although|however|mostly|then\s+again)\b", _I)
# "the crew", "the team" right after "sorry": the writer's own people, the subject of the apology.
_OWN_GROUP = re.compile(rf"the\s+(?:[\w-]+\s+){{0,2}}?{_GROUP}\b", _I)
_OWN_PERSON = re.compile(r"(?:that\s+)?(?:our|my)\s", _I)
# The writer's own message as what is late or long: "sorry this reply is so late".
_OWN_MESSAGE = re.compile(r"this\s+(?:[\w-]+\s+)?(?:reply|response|e-?mail|message|note|answer|update)\b", _I)
# A passive ("your office were missed"): the subject suffered the miss, it did not miss anything.
_PASSIVE_END = re.compile(
    r"\b(?:was|were|is|are|been|being|get|got)\s+(?:\w+ly\s+)?(?:missed|lost|dropped|overlooked|ignored|skipped|misplaced|mislaid"
    r"|swapped|mixed\s+up|botched|misread|misunderstood|mislabell?ed|misspel(?:led|t))$", _I)
# The reader bearing the consequence of the writer's miss: "..., which is why you missed the slot".
_AS_A_RESULT = re.compile(r"\b(?:which\s+is\s+why|that's\s+why|which\s+meant|meaning|so|and\s+so|as\s+a\s+result|leaving)\s+$", _I)
_YOU_AS_OBJECT = re.compile(r"\b(?:promised|told|sent|gave|owe|owed|showed|offered|quoted|emailed|booked|ordered|made)\s+$", _I)
# "our drivers don't cover that area": what the writer's own side does not offer, not a failure.
_OWN_POLICY = re.compile(
    r"(?:our|my)\s[^.;!?]*?\b(?:don't|doesn't|do\s+not|does\s+not)\s+(?:deliver|ship|open|work|cover|support|allow|include|accept)\b", _I)
# "Sorry — your March invoice slipped through during our changeover": the reader's thing suffered the miss, the reader did nothing.
_SLIPPED_THROUGH = re.compile(r"\bslipped$", _I)
_THROUGH = re.compile(r"\s+(?:through|past\s+(?:us|me)|off\s+(?:our|my)\s+(?:radar|list|desk))\b", _I)
# "to be honest I'm sorry for the whole month": candour that leads into owning it, not an excuse.
_CANDOUR_THEN_OWNING = re.compile(
    r"to\s+be\s+(?:fair|honest),?\s+(?:I'm|I\s+am|we're|we\s+are|I|we)\s+(?:\w+\s+)?(?:sorry|apologi[sz]e|owe\s+you|should\s+have|regret|got\s+(?:it|this|that)\s+wrong|dropped|missed|messed)", _I)
# "— the figures your team sent are great": praise for what the reader supplied, not blame.
_PRAISE = re.compile(r"\s*(?:(?:really|very|so|just|all)\s+)?(?:great|perfect|spot\s+on|lovely|excellent|brilliant|ideal|exactly\s+right|really\s+helpful|helpful)\b", _I)
# "the figures I sent were confusing": the writer's own material, not someone else's.
_WRITERS_OWN = re.compile(r"^the\s+(?:[\w-]+\s+){1,2}?(?:I|we)\s+(?!received|got|had|were|hired|used|use|chose|booked|brought|contracted)\w+", _I)


def _triggers(draft):
    """Sentence index -> (start, end) of its first apology, admission or regret (in the sentence), and
    whether it is a bare regret opener ("Unfortunately"), for each sentence that owns or regrets a miss."""
    owned = {}
    for index, start, end in _apologies(draft):
        offset = draft.sentences[index].start
        owned.setdefault(index, (start - offset, end - offset, False))
    for regex, regret_only in ((ADMISSION, False), (REGRET_OPENER, True)):  # an admission wins over a regret
        for index, start, end in _first_per_sentence(scan(draft, regex)):
            offset = draft.sentences[index].start
            owned.setdefault(index, (start - offset, end - offset, regret_only))
    return owned


def blamed_apologies(draft) -> dict[int, tuple[int, int, bool]]:
    """Sentence index -> (start, end, after an apology?) in draft.text of the clause that hands the fault back, for every
    apology, admission or regret followed (same sentence or the next) by blame, or preceded by blame
    and a consequence ("your team never sent it, so we couldn't..."), or blaming by idiom ("dropped the ball")."""
    return draft.memo("apologies.blamed", _find_blamed)


# "I'm sorry the cleaners missed your office": the apology's own subject is the crew that failed, told
# plainly, which is the writer apologising for the miss (apology's finding when nothing fixes it). A
# contrast or a disclaimer ("however…", "not our fault"), or one of ours singled out ("our project
# manager didn't pass it on") still hands the fault on.
_HANDED_ON = re.compile(r"\b(?:but|however|though|although|fault|not\s+(?:us|me|our|my))\b", _I)


def _told_plainly(text: str, after: int, agent: int) -> bool:
    return (re.fullmatch(r"\s*(?:that\s+)?", text[after:agent]) is not None and text[agent:agent + 4].lower() == "the "
            and not _HANDED_ON.search(text, after))


def _find_blamed(draft) -> dict[int, tuple[int, int, bool]]:
    sentences, out, taken = draft.sentences, {}, set()
    triggers = _triggers(draft)
    blamable = _blamable(draft) if triggers or scan(draft, CONSEQUENCE) else set()
    for index, (opener, after, regret_only) in sorted(triggers.items()):
        sentence = sentences[index]
        text = without_quotations(sentence.text)
        clause = _next_clause(text, after)
        span = _blame_in(text, after, regret_only=regret_only, clause=clause) if index in blamable else None
        if span is not None and not regret_only and _told_plainly(text, after, span[0]):
            span = None
        if span is not None:
            # "Sorry the process seemed unclear to you; everyone else...": the apology for the reader's
            # reaction is part of the device, so one issue covers both
            about_reader = not regret_only and (_NOT_AN_APOLOGY.match(text, opener) or _REACTION.search(text, after, clause))
            start = opener if about_reader else _contrast_start(text, after, span[0])
            out[index] = (sentence.start + start, sentence.start + len(text.rstrip(" .!?")), True)
            taken.add(index)
            continue
        before = None if regret_only or index not in blamable else _blame_in(text, 0, after)
        if before is not None and not text[before[0]:before[0] + 3].lower() == "you":
            out[index] = (sentence.start + before[0], sentence.start + after, True)
            continue
        if index + 1 in blamable and index + 1 not in taken and not regret_only:
            following = without_quotations(sentences[index + 1].text)
            span = _blame_in(following, 0, min(len(following), 40))
            if span is not None and span[0] <= 25:  # only an opening blame is the apology's excuse
                out[index] = (sentences[index + 1].start + span[0], sentences[index + 1].start + len(following.rstrip(" .!?")), True)
                taken.add(index + 1)
    for index, start, end in _first_per_sentence(scan(draft, SCAPEGOAT)):
        sentence = sentences[index]
        text = without_quotations(sentence.text)
        if index not in out and not _WRITERS_OWN.search(text[start - sentence.start:end - sentence.start]) and OWNERSHIP.search(text) is None:
            out[index] = (start, sentence.start + len(text.rstrip(" .!?")), False)
    for index, start, _ in _first_per_sentence(scan(draft, CONSEQUENCE)):
        if index in out or index not in blamable:
            continue
        sentence = sentences[index]
        text = without_quotations(sentence.text)
        consequence = start - sentence.start
        span = _blame_in(text, 0, consequence)
        if span is not None and OTHER_AT_FAULT.search(text, span[0], consequence):
            out[index] = (sentence.start + span[0], sentence.start + len(text.rstrip(" .!?")), False)
    return out


_GATED = (APOLOGY, ADMISSION, REGRET_OPENER, SCAPEGOAT, CONSEQUENCE)
_PRESENCE = re2.Set.SearchSet(UNION_OPTIONS)
for _regex in _GATED:
    _PRESENCE.Add(_regex.pattern)
_PRESENCE.Compile()
_PRESENCE_INDEX = {id(r): i for i, r in enumerate(_GATED)}


def _blamable(draft) -> set[int]:
    """Indexes of the sentences where any blame device can match at all: one scan of the draft."""
    return {index for index, _, _ in scan(draft, ANY_BLAME)}


def _first_per_sentence(matches):
    seen = set()
    for match in matches:
        if match[0] not in seen:
            seen.add(match[0])
            yield match


_CLAUSE_START = re.compile(r"[,;:(\u2014\u2013]|\s-\s|\b(?:but|however|though|although|because|since|as|after\s+all|and|which|when)\b", _I)


def _next_clause(text: str, after: int) -> int:
    """Where the clause after the apology starts: "Sorry the report was late; your team..." blames
    from "your team", while "Sorry the figures aren't ready" only says what the apology is for."""
    m = _CLAUSE_START.search(text, after)
    return m.start() if m else len(text)


def _contrast_start(text: str, after: int, blame: int) -> int:
    """Where the flagged clause starts: at the last contrast word before the blame, if any."""
    start = blame
    for m in _CONTRAST.finditer(text, after, blame):
        start = m.start() if m.group().strip() else m.end()
    return start + len(text[start:]) - len(text[start:].lstrip(" ;-\u2014\u2013"))


# What replaces the excuse so the sentence still reads: a clause after the apology's comma ("Sorry the
# banner was late, and that's on me."), after a semicolon or dash ("…; that's on me."), or a whole
# sentence when the excuse is one.
_AFTER_COMMA = ("and that's on me", "and I should have checked it myself")
_AFTER_BREAK = ("that's on me", "I should have checked it myself")
_OWNING_SENTENCES = ("That's on us, and here's what we're doing to fix it", "I should have checked that myself")
_SEPARATOR_BEFORE = re.compile(r"([,;:\u2014\u2013]|\s-)\s*$")


@python_check("apology_then_blame")
def apology_then_blame(draft, rule):
    for start, end, after_apology in sorted(blamed_apologies(draft).values()):
        message = None if after_apology else f"“{draft.text[start:end]}” puts the fault on someone else."
        sentence = draft.sentence_at(start)
        before = draft.text[sentence.start:start] if sentence is not None else ""
        separator = _SEPARATOR_BEFORE.search(before)
        if not before.strip():
            yield Hit(start, end, message=message, replacements=_OWNING_SENTENCES)
        elif separator is not None and before[:separator.start()].strip():
            yield Hit(start, end, message=message, replacements=_AFTER_COMMA if separator.group(1) == "," else _AFTER_BREAK)
        else:  # blame inside the sentence's first clause: the sentence is rewritten whole
            whole = sentence.start + len(sentence.text.rstrip(" .!?"))
            yield Hit(sentence.start, max(end, whole), message=message, replacements=_OWNING_SENTENCES)


@python_check("over_apology")
def over_apology(draft, rule):
    """Three apologies in a draft, two in one sentence, or a second "sorry again": flag first to last."""
    found = _apologies(draft)
    limit = int(rule.options.get("max_apologies", 2))
    if len(found) < 2:
        return
    same_sentence = any(a[0] == b[0] for a, b in zip(found, found[1:]))
    # "Sorry again for the bother", "Again, my apologies for the bother": a second apology that says it is one
    again = any(re.search(r"\b(?:again|once\s+more)\b", draft.folded[min(s, draft.sentences[i].start):draft.sentences[i].end], _I)
                for i, s, _ in found[1:])
    if len(found) > limit or same_sentence or again:
        groveling = set()
        lo = hi = found[0][0]
        if rule.options.get("patterns"):
            # The groveling beside the apologies is the same pile: one finding over all of it
            from .groveling import grovel_phrases, widen  # groveling imports this module

            groveling = {index for index, _, _ in grovel_phrases(draft, rule)}
            lo, hi = widen(found[0][0], found[-1][0], groveling | {index for index, _, _ in found},
                           int(rule.options.get("within_sentences", 2)))
        last = draft.sentences[max(hi, found[-1][0])]
        end = last.start + len(last.text.rstrip())
        start = draft.sentences[lo].start if lo < found[0][0] else found[0][1]
        yield Hit(start, end, values={"count": len(found)}, replacements=(_one_apology(draft, found, end, groveling, lo),))


def _one_apology(draft, found, end: int, groveling=frozenset(), lo=None) -> str:
    """The flagged text with only its first apology: later apology clauses and groveling sentences
    dropped, other content kept."""
    apologetic = {index for index, _, _ in found}
    first = draft.sentences[found[0][0]]
    before = [draft.sentences[i].text.strip() for i in range(lo, found[0][0]) if i not in groveling] if lo is not None else []
    kept = before + [_first_apology_clause(draft, found[0][1], first.end)
                     if sum(index == found[0][0] for index, _, _ in found) > 1 else draft.text[found[0][1]:first.end].strip()]
    if before:
        kept[len(before)] = kept[len(before)][:1].upper() + kept[len(before)][1:]
    for index in range(found[0][0] + 1, len(draft.sentences)):
        sentence = draft.sentences[index]
        if sentence.start >= end:
            break
        if index in groveling and index not in apologetic:
            continue
        if index not in apologetic:
            kept.append(sentence.text.strip())
            continue
        rest = [c.strip(" ,;") for c in re.split(r",\s*(?:and\s+)?|;|\s[\u2014\u2013-]\s", sentence.text) if not APOLOGY.search(c)]
        rest = [c for c in rest if len(c.split()) >= 3]
        if rest:
            clause = " ".join(rest).rstrip(".!") + "."
            kept.append(clause[0].upper() + clause[1:])
    return " ".join(kept)


def _first_apology_clause(draft, start: int, end: int) -> str:
    """"Sorry to bother you, and sorry if this is obvious, but where is the form?" -> "Sorry to bother
    you, but where is the form?": the sentence's later apology clauses dropped, each kept clause with the
    separator that came before it. Searched in the folded text (RE2 cannot read a lone surrogate)."""
    cuts = [m.span() for m in re.finditer(r",\s*(?:and\s+)?|;\s*|\s[\u2014\u2013-]\s", draft.folded[start:end])]
    kept = [draft.text[start:start + (cuts[0][0] if cuts else end - start)]]
    for (cut, after), (following, _) in zip(cuts, cuts[1:] + [(end - start, None)]):
        if not APOLOGY.search(draft.folded[start + after:start + following]):
            kept.append(draft.text[start + cut:start + following])
    return "".join(kept).strip()


@python_check("apology_without_remedy")
def apology_without_remedy(draft, rule):
    """An apology for a missed commitment, and nothing after it that fixes, reschedules or dates it."""
    found = _apologies(draft)
    if not found:
        return
    sentences = draft.sentences
    for index, start, end in found:
        late = _late_reply_without_answer(draft, index)
        if late is not None:
            yield late
            return
        if draft.folded[start:end].lower() in _NEWS_ADVERBS:
            continue  # "Regrettably, the log was not checked…": news told with regret, not an apology for a miss
        sentence = sentences[index]
        if _SOMEONE_ELSES.match(draft.folded, start, end) and _THIRD_PERSON.search(draft.folded, max(sentence.start, start - 30), start):
            continue  # "he apologised": someone else's apology, told
        text = without_quotations(sentence.text)
        failure = _commitment_failure(text)
        first, told_in = sentence, None
        # "The audit isn't finished. My apologies."; "I owe you an apology. I promised…": the miss is told beside it
        if (failure is None or _OWE_AN_APOLOGY.match(failure.group())) and len(text) < 40:
            for other in sentences[max(0, index - 1):index + 2]:
                if other is not sentence and (told := _commitment_failure(without_quotations(other.text))):
                    failure, first = told, min(other, sentence, key=lambda x: x.start)
                    told_in = (other, failure.end())
                    break
        mishap = None
        if failure is None and told_in is None:
            # "Sorry about the scuffs on the lobby floor", "We're sorry the launch video went out with the
            # old price": an apology for a mishap, named without a word of failure
            failure = mishap = _mishap(draft, index, text, start - sentence.start, end - sentence.start)
        if failure is None or _NOT_AN_APOLOGY.search(text) or _SOCIAL_MISS.search(text):
            continue  # "sorry you feel...", "sorry if...": a non-apology, blame-shifting's finding
        blamed = blamed_apologies(draft).get(index)
        meeting = _MISSED_MEETING.search(text)
        # "On behalf of the whole team, sorry the plant didn't wrap up last week. The contractor held everyone up.": the
        # team's own miss, owned in a sentence of its own, still wants its next step; the excuse after it is
        # blame-shifting's finding beside it
        own_team = _TEAM_APOLOGY.search(text) is not None and blamed is not None and blamed[0] >= sentence.end and mishap is None
        if blamed is not None and not own_team and not (meeting and blamed[0] >= sentence.end) and (blamed[0] <= sentence.start + failure.start() or (
                blamed[2] and not ADMISSION.search(text, 0, min(len(text), max(0, blamed[0] - sentence.start))))):
            # "Apologies, but nobody told us": the only failure named is the excuse; "Sorry the rollout
            # failed, but your team gave us the wrong details": an apology taken back, blame-shifting's
            # finding. "Sorry I missed the kickoff, but nobody told me" still owns a miss that wants a next step.
            continue
        if _SLOW_REPLY.search(text) and not _STILL_NOTHING.search(" ".join(s.text for s in sentences[max(0, index - 1):index + 2])):
            continue
        # "We apologise, to the extent that any delay was within our control, for the late repair": a hedge on the
        # apology itself narrows it wherever it stands
        qualified = _QUALIFIED.search(text, failure.end()) or _HEDGED_APOLOGY.search(text, 0, failure.start())
        if qualified is not None and not ADMISSION.search(text) and OWNERSHIP.search(text) is None:
            # "Sorry the parts are late, but our warehouse is short-staffed": a miss told as a happening, then
            # narrowed, is the apology taken back (blame-shifting's finding); "Sorry I missed the kickoff, but
            # nobody told me" still owns a miss of the writer's that wants a next step
            continue
        if meeting is not None:
            if _rebooked(draft, index, text[meeting.end():]):
                return
        elif _NEW_ETA.search(text) or _has_remedy(draft, index, text, failure, told_in):
            return
        last = max(first, sentence, *(told_in[:1] if told_in else ()), key=lambda x: x.start)
        end = last.start + len(last.text.rstrip())
        said = draft.text[first.start:end] if draft.text[end - 1:end] in (".", "!", "?") else draft.text[first.start:end] + "."
        if mishap is not None:  # something went wrong rather than a promise missed: the fix, not a new delivery date
            yield Hit(first.start, end, replacements=(
                f"{said} We'll put it right by Thursday, [date], at no cost to you.", f"{said} Here's how we'll fix it: [fix], done by Thursday, [date]."))
            return
        yield Hit(first.start, end, replacements=(
            f"{said} I'll have it to you by Thursday, [date].", f"{said} Could we reschedule for Thursday, [date]?"))
        return


# An apology made for the whole team: "on behalf of", "the whole team", "all of us", "everyone at the studio".
_TEAM_APOLOGY = re.compile(r"\bon\s+behalf\s+of\b|\b(?:whole|entire)\s+(?:team|office|company|firm|crew|staff)\b|\ball\s+of\s+us\b|\b(?:everyone|everybody)\s+(?:at|here|in)\b", _I)
_SOMEONE_ELSES = re.compile(r"apologi[sz]ed|regretted", _I)
_THIRD_PERSON = re.compile(r"\b(?:he|she|they|it|who)\s+(?:\w+ly\s+|later\s+|then\s+|also\s+)?$", _I)
_NEWS_ADVERBS = frozenset(("regrettably", "regretfully"))
# A clause after the miss that narrows or explains it away: "…, but our warehouse is short-staffed", "to the extent it was within our control".
_QUALIFIED = re.compile(
    r"[,;]?\s*\b(?:but|though|although|however|except\s+that|only\s+because|in\s+part|partly|to\s+the\s+extent|insofar\s+as|which\s+(?:frankly|honestly|to\s+be\s+fair))\b"
    r"\s+(?!(?:I|we)(?:'ll|\s+will|\s+can|'ve|\s+have|\s+are|'re|'m|\s+am)\b|(?:could|can|would|shall)\s+(?:we|you|I)\b|(?:it's|it\s+is|they're|the\s+\w+\s+is)\s+(?:now|here|attached|ready|on)\b)", _I)
_HEDGED_APOLOGY = re.compile(r"\b(?:to\s+the\s+extent|insofar\s+as|in\s+so\s+far\s+as|to\s+whatever\s+extent)\b", _I)
# An apology for the slow reply itself, in any words: "sitting on your email", "it's taken me an age to get back to you".
_LATE_REPLY = re.compile(
    _SLOW_REPLY.pattern + r"|\bsitting\s+on\s+(?:your|this|the|my)\s+(?:\w+\s+)?(?:e-?mail|message|note|question|request|query|reply)"
    r"|\btak(?:en|ing)\s+(?:so|this|such\s+a)\s+long\s+to\s+(?:get\s+back|reply|respond|answer|come\s+back|write\s+back)"
    r"|\btak(?:en|ing|e)\s+(?:(?:me|us)\s+)?(?:an\s+age|ages|so\s+long|forever|a\s+while|a\s+bit|this\s+long|too\s+long|a\s+(?:few|couple\s+of)\s+\w+|\w+\s+(?:days|weeks))\s+to\s+(?:get\s+back|reply|respond|answer|come\s+back|write\s+back|get\s+round)"
    r"|\b(?:going|gone|went)\s+(?:quiet|silent|dark)\b|\bradio\s+silence\b|\bnot\s+(?:replying|responding|getting\s+back)\b", _I)
# What a message with no answer in it says besides the apology: how busy it has been, hopes, thanks, a promise to reply later.
_NO_ANSWER = re.compile(
    r"\bhope\b|\bhoping\b|\b(?:it's|it\s+has|it\s+'s|things\s+have|life\s+has|work\s+has)\s+been\b"
    r"|\b(?:last|past|these|those)\s+(?:few\s+|couple\s+of\s+)?(?:days|weeks|months|fortnight|week|month)\s+(?:have|has)\s+been\b|\b(?:crazy|hectic|mad|manic|busy|swamped|chaotic|mental|nuts|slammed|snowed\s+under|full-?on|non-?stop)\b"
    r"|\bshould(?:\s+have|'ve)\s+(?:\w+\s+)?(?:answered|replied|responded|written\s+back|got(?:ten)?\s+back|come\s+back)\b"  # self-reproach, no answer
    r"|\b(?:get|come|circle)\s+back\s+to\s+you\b|\bbe\s+in\s+touch\b|\b(?:reply|respond|answer)\s+properly\b|\b(?:speak|talk|more)\s+soon\b|\bwill\s+(?:revert|follow\s+up)\b|\bon\s+it\b"
    r"|^\W*(?:thanks?|thank\s+you|cheers|many\s+thanks)\b[^.!?]{0,30}$", _I)
# Not even looked at the reader's question: "looked at", "read through", "had a look at".
_NOT_LOOKED = (r"(?:looked\s+(?:at|into|over|through)|read|gone\s+(?:through|over)|been\s+through|had\s+(?:a\s+)?(?:look|read)"
               r"|got(?:ten)?\s+(?:round\s+|around\s+)?to|reviewed|opened|dug\s+into|worked\s+through|started\s+on)")
# Or a later sentence says outright that the answer is still to come, with no date for it.
_DEFERRED = re.compile(
    r"\b(?:I'll|I\s+will|we'll|we\s+will|I\s+shall|we\s+shall)\s+(?:[\w'-]+\s+){0,6}?(?:get\s+(?:you\s+)?(?:an?\s+|the\s+|my\s+)?(?:answer|reply|response|figures|details)|(?:come|get|circle|revert)\s+back\s+to\s+you|answer\s+(?:your|the|all\s+your)\s+(?:[\w-]+\s+)?(?:questions?|query|queries|points)|look\s+into|check\s+(?:on|with|into)|find\s+out|reply\s+(?:to\s+you\s+)?(?:once|when|as\s+soon)|let\s+you\s+know"
    r"|(?:check|look|see|confirm|ask)\s+and\s+(?:answer|reply|respond|revert|get\s+back|come\s+back|write)|(?:answer|reply\s+to|respond\s+to|write\s+to)\s+you\s+(?:later|soon|shortly|properly))"
    r"|\b(?:still|yet\s+to)\s+(?:need\s+to\s+|have\s+to\s+)?(?:discuss|check|look|confirm|find|get|hear|investigat|review)\w*|\bhaven't\s+(?:had\s+a\s+chance|yet|managed)|\bnot\s+(?:yet\s+)?had\s+(?:a\s+)?(?:chance|time)"
    # the question not even looked at: "I haven't read through your proposal yet", "...but will get to it"
    # (with "yet" or "even": "I haven't read the whole contract, but clause 4 is fine" answers part of it)
    r"|\b(?:haven't|have\s+not|hasn't|has\s+not)\s+(?:(?:yet|even)\s+(?:properly\s+)?" + _NOT_LOOKED + r"\b|(?:actually\s+|properly\s+)?" + _NOT_LOOKED + r"\b[^.;!?,]{0,60}?\byet\b)"
    r"|\b(?:I|we)?(?:'ll|\s+will)\s+get\s+(?:round\s+|around\s+)?to\s+(?:it|this|that|them)\b", _I)
_HEDGED_DELAY = re.compile(r"\b(?:any|perceived|apparent|if)\b", _I)
_CLOSING_LINE = re.compile(r"^\s*(?:[\w.'&-]+\s*){1,4},?\s*$")


def _late_reply_without_answer(draft, index: int):
    """An apology for a slow reply in a message that still gives no answer: it or the next two sentences put the
    answer off with no date ("I'll come back to you with the figures"), or every other sentence of the body is
    busyness, hopes, thanks or a promise to reply later."""
    sentences = draft.sentences
    sentence = sentences[index]
    text = without_quotations(sentence.text)
    late = _LATE_REPLY.search(text)
    if late is None or _HEDGED_DELAY.search(text, 0, late.end()):
        return None  # "sorry for any perceived delay": a non-apology, blame-shifting's finding
    rest = re.split(r"[,;:]|\s[\u2014\u2013-]\s|\u2014", text[late.end():], maxsplit=1)
    if len(rest) > 1 and rest[1].strip(" .!?") and not _NO_ANSWER.search(rest[1]) and not _DEFERRED.search(rest[1]):
        return None  # "Sorry for the slow reply — yes, Tuesday works": the answer is in the sentence
    deferred = [other for other in sentences[index:index + 3] if _DEFERRED.search(without_quotations(other.text))]
    if deferred:
        if any(_time_in(other.text) for other in deferred):
            return None  # "I'll come back to you with the figures by Friday": a dated next step
    else:
        for i, other in enumerate(sentences):
            if i == index:
                continue
            words = other.text.strip()
            if _CLOSING_LINE.match(words) and not words.endswith((".", "!", "?")):
                continue  # "Hi Tamsin,", "Best,", "Isla": greeting, sign-off and name
            if not _NO_ANSWER.search(words):
                return None
    stop = sentence.start + len(sentence.text.rstrip())
    said = draft.text[sentence.start:stop].rstrip(" .!")
    return Hit(sentence.start, stop, message="This apology for a slow reply still gives no answer.",
               replacements=(f"{said}. The short answer: [answer]. The details follow by Thursday, [date].",))


# What a mishap apology is about: the words after the apology up to the clause's end.
_MISHAP_LEAD = re.compile(r"[\s,:\u2014\u2013-]*(?:(?:so\s+|very\s+|really\s+)*(?:much\s+)?)", _I)
_MISHAP_END = re.compile(r"[.,;!?(]|\s[\u2014\u2013-]\s|\u2014|\b(?:but|though|although|however|because|since|as\s+we|as\s+I|so\s+(?:we|I)|and\s+(?:we|I))\b", _I)
# "about the scuffs", "for the state the van came back in", "about how the move went": a thing or event of the writer's doing
_ABOUT_A_THING = re.compile(r"^(?:about|for)\s+(?:the|your|our|my|how|what|all\s+the|last|yesterday's|today's|[\w-]+'s)\s+\w", _I)
# "the wrong lamps were delivered", "your order shipped as 20", "the site was so slow": a clause with its own verb
_SUBJECT = re.compile(r"^(?:that\s+)?(?:the|your|our|my|this|these|those|his|her|their|(?-i:[A-Z])[\w-]+'s|(?-i:[A-Z])[\w-]+)\s", _I)
_VERB = re.compile(
    r"\b(?:\w+ed|went|came|got|gone|had|was|were|sat|cut|ran|left|broke|fell|took|made|put|lost|sent|did|shook|blew|burst|froze|wore|tore)\b", _I)
# An apology for the writer's own message, the reader's wait or trouble, or "any" inconvenience: no mishap to put right.
_NOT_A_MISHAP = re.compile(
    r"^(?:to|but|if|you|again|in\s+advance|though|all|everyone|guys|folks|lah|mate)\b|\b(?:any|this|that|it|all\s+this|all\s+that|the\s+above)\W*$"
    r"|^(?:about|for)\s+(?:the\s+|my\s+|our\s+|this\s+|all\s+the\s+)?(?:(?:\w+\s+)?(?:wait|waiting|delay|notice|reply|response|answer|message|e-?mail|note|trouble|bother|hassle|inconvenience|confusion"
    r"|misunderstanding|questions?|interruption|disturbance|noise|length|wait\w*|ramble|rambling|essay|novel|typos?|spam|chasing|nudge|reminder|back\s+and\s+forth|radio\s+silence|silence|late\s+\w+|slow\s+\w+|long\s+\w+|short\s+\w+|quick\s+\w+|last-minute\s+\w+|double\s+\w+|repeat\w*|duplicate\s+\w+))\b"
    r"|\b(?:feel|felt|feeling|wait\w*|frustrat\w*|disappoint\w*|upset\w*|annoy\w*|seem\w*|came\s+across|come\s+across|perceived|pictured|expected|imagined|surprised|impression|misunderst\w*|inconvenienc\w*|confus\w*|experience[sd]?|worr\w+|concern\w*|stress\w*|loss|news|hear)\b"
    r"|\b(?:any|nerve|read\s+minds?|heaven\s+forbid|how\s+dare|taken|received|idea|personally|tone|comments|feedback|remarks|wording"
    # the reader's misfortune, not the writer's mishap: sympathy
    # (a storm drain or fire door is the writer's plant, not the reader's misfortune)
    r"|flood\w*|storms?(?!\s+(?:drains?|water|sewers?|gutters?|doors?|windows?|shutters?))|fire(?![\s-]+(?:doors?|alarms?|exits?|escapes?|extinguishers?|drills?))"
    r"|ill|illness|unwell|accident|injur\w*|passed|death|weather|trip|holiday|mother|father|mum|mom|dad|family|hospital)\b", _I)
# After the words of the mishap only owning it may follow in the sentence ("— that order was on me"); anything
# else ("— the fixed one is attached", ", but your team…", "— we're talking pence") changes what the apology does.
_OWNING_REST = re.compile(r"\bon\s+(?:me|us)\b|\b(?:my|our)\s+(?:own\s+)?(?:fault|mistake|error|bad|oversight|doing)\b", _I)
# The next sentence telling how it happened ("The ink supplier changed batch on us", "Sam on our team uploaded the
# wrong file"): an excuse beside the apology, blame-shifting's finding.
_EXPLAINED = re.compile(
    r"\b(?:because|due\s+to|down\s+to|caused\s+by|however|although|though|but|mostly|supplier|courier|driver|factory|contractor|subcontractor"
    r"|software|system|automation|template|portal|warehouse|vendor|carrier|app|lad|guy|engineer|intern|temp|printers?|mind\s+of\s+its\s+own"
    r"|not\s+(?:our|my|us|me)|outside\s+(?:our|my)|beyond\s+(?:our|my)|(?:was|were)\s+new)\b|\b(?-i:[A-Z][a-z]+)\s+(?:on|from|in|at)\s+(?:our|the|my)\b", _I)

# "Sorry, the cheque went out this morning by recorded delivery": news that it is sent, not a mishap.
_SENT_NEWS = re.compile(r"\b(?:went\s+out|(?:was|were|been)\s+(?:sent|posted|dispatched)|shipped|posted|dispatched)\s+(?:this\s+morning|today|earlier|by\s+(?:recorded|registered|special|first|courier|post))", _I)


def _without_named_replacement(about: str) -> str:
    """"the pipe order for the Hill Street replacement came in wrong": a replacement in the subject, before the mishap's
    verb, names what went wrong (a replacement part, a replacement job); after it ("…, and a replacement ships Friday") it is the fix."""
    verb = _VERB.search(about)
    if verb is None:
        return about
    return re.sub(r"\breplacements?\b", " ", about[:verb.start()], flags=_I) + about[verb.start():]


def _mishap(draft, index: int, text: str, start: int, end: int):
    """The words an apology is about when they name a mishap in other words than a missed commitment
    ("Sorry the floor plans still had the old window sizes"), as a match over text; None when the apology
    is conditional, for the writer's own message or the reader's feelings or misfortune, when the sentence
    goes on to something else, or when the draft explains or blames (the excuse is blame-shifting's finding)."""
    if re.search(r"\bif\b", text[:start], _I) or _blamable(draft) or blamed_apologies(draft):
        return None
    lead = _MISHAP_LEAD.match(text, end)
    stop = _MISHAP_END.search(text, lead.end())
    about = text[lead.end():stop.start() if stop else len(text)].strip()
    if len(about.split()) < 3 or _NOT_A_MISHAP.search(about) or _remedy_in(_without_named_replacement(about)) or _SENT_NEWS.search(about):
        return None
    # a thing alone ("sorry for the mix-up") is the common formula; an event told with its verb is a mishap
    if not ((_ABOUT_A_THING.match(about) or _SUBJECT.match(about)) and _VERB.search(about)):
        return None
    rest = text[stop.start():].strip(" .!?") if stop else ""
    if rest and not _OWNING_REST.search(rest):
        return None
    following = draft.sentences[index + 1].text if index + 1 < len(draft.sentences) else ""
    if _EXPLAINED.search(following) and not OWNERSHIP.search(following):
        return None
    at = text.index(about, lead.end())
    return SPAN.match(text, at, at + len(about))



# Words of failure that name no missed commitment: not knowing or noticing ("sorry, I didn't realise you
# were away"), not meaning to, not being able to open what the reader sent, forgetting to mention a fact.
_NOT_A_COMMITMENT = re.compile(
    r"(?:didn't|did\s+not|couldn't|could\s+not|wasn't\s+able\s+to|weren't\s+able\s+to|forgot\s+to)\s+(?:even\s+|quite\s+|actually\s+)?"
    r"(?:realise|realize|know|see|notice|catch|hear|mean|intend|understand|recognise|recognize|open|access|view|download|mention|say|add"
    # "sorry we could not read your mind": sarcasm, not a missed commitment (blame-shifting's finding)
    r"|read\s+(?:your|their|his|her|people's|anyone's)\s+minds?)\b"
    # the delay of the writer's own reply is the slow-reply apology, answered by the reply itself
    r"|(?:delay|hold-?up)s?\s+(?:to|of|on|with|in)\s+(?:the|your|our)\s+(?:[\w-]+\s+)?(?:reply|replies|response|answer|e-?mail|message|note|feedback|call)\b", _I)


def _commitment_failure(text: str):
    """The first words of failure in text that could be a missed commitment."""
    for m in FAILURE.finditer(text):
        if not _NOT_A_COMMITMENT.match(text, m.start()):
            return m
    return None


def _time_in(text: str) -> bool:
    """A concrete time other than a bare "now" ("her vaccination has now lapsed" sets no date)."""
    return any(m.group().strip().lower() != "now" for m in CONCRETE_TIME.finditer(text))


_NOT_A_FIX = frozenset("not been got ruined forgotten failed missed messed dropped lost promised meant tried wanted hoped intended".split())


# "chrome instead of the brushed nickel" names the wrong thing; "the price moved up 1.2%" is the market: neither is a fix
_NOT_A_FIX_AFTER = {"instead": re.compile(r"\s+of\b", _I), "moved": re.compile(r"\s+(?:up|down|higher|lower|against)\b", _I)}


# "the refund we owed you", "your refund still hasn't reached you": the refund owed, named, is the miss, not a fix
_THE_REFUND = re.compile(r"\b(?:the|your|our|my|this|that)\s+(?:[\w-]+\s+)?$", _I)


def _a_fix(text: str, start: int, end: int) -> bool:
    word = text[start:end].split()[-1].lower()
    after = _NOT_A_FIX_AFTER.get(word)
    if word in ("refund", "refunds") and _THE_REFUND.search(text, max(0, start - 30), start):
        return False
    return word not in _NOT_A_FIX and not (after is not None and after.match(text, end))


def _remedy_in(text: str) -> bool:
    return any(_a_fix(text, *m.span()) for m in REMEDY.finditer(text))


def _last(regex, text: str, first):
    """The last match of `regex` in text from `first` on (a sentence may name its failure twice)."""
    last = first
    for m in regex.finditer(text, first.end()):
        last = m
    return last


# A meeting the writer missed: only a new time for it, or a question that finds one, answers the miss (an
# attachment or an update about something else does not).
_MISSED_MEETING = re.compile(
    r"(?:\b(?:I|we)\s+(?:(?:completely|totally|somehow)\s+)?missed|\bmissing)\s+(?:our|the|your|today's|yesterday's|this\s+morning's)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:call|meeting|appointment|session|chat|catch-?up|zoom|check-?in|consultation|viewing|visit|walkthrough|walk-through|demo|briefing|kick-?off"
    r"|(?:site\s+)?walk(?:-?round|about)?|inspection|interview|tour|lesson|class)\b", _I)


def _rebooked(draft, index: int, tail: str) -> bool:
    """After an apology for a missed meeting, a time for the next one (after the miss in its own sentence, or in
    a later sentence that is not small talk or a past time), or a question that finds one."""
    # after the meeting's own clause: "missed the kickoff this morning" dates the meeting, not the next one
    return _time_in(_after_clause(tail)) or any(
        i in _time_sentences(draft) or draft.sentences[i].is_question for i in range(index + 1, len(draft.sentences)))


_COMMA = r",(?!\d)|(?<!\d),"  # a comma, but not the one inside an amount ("your £1,500 deposit")
_NEXT_CLAUSE = re.compile(_COMMA + r"|[;\u2014\u2013]|\s-\s|\band\b|\s(?=(?:I|we)(?:'ll|\s+will)\b)", _I)


def _after_clause(text: str) -> str:
    """What follows the clause that opens `text` ("" if nothing): the words after a miss, not the miss's own object."""
    cut = _NEXT_CLAUSE.search(text)
    return text[cut.end():] if cut else ""


def _has_remedy(draft, index: int, text: str, failure, told_in=None) -> bool:
    """A fix or next step anywhere in the draft, other than the words that describe the failure itself."""
    rest = _after_clause(text[_last(FAILURE, text, failure).end():])
    # "…, which was due on the 1st": the date the miss was due, not a new one
    dated = _after_clause(rest) if _MISS_DATE.match(rest) else rest
    if rest and (index not in _blamable(draft) or _blame_in(rest) is None) and (_remedy_in(rest) or _time_in(dated)):
        return True
    remedies = _remedy_sentences(draft)
    pivot = _pivot_after(draft, index)
    told = _index_of(draft)[told_in[0].start] if told_in else None
    if told in remedies and not _remedy_in(_after_clause(without_quotations(told_in[0].text)[told_in[1]:])):
        remedies = remedies - {told}  # "I forgot to order the replacement thermostats. Sorry.": the miss's own words
    miss = _failure_clause(without_quotations(told_in[0].text) if told_in else text, failure)
    if any(i != index and (i < pivot or _ABOUT_THE_MISS.search(draft.sentences[i].text))
           and not (_attaches_something_else(draft.sentences[i].text, miss) or _dates_something_else(draft.sentences[i].text, miss))
           for i in remedies):
        return True
    return any((index < i < pivot or (i >= pivot and _ABOUT_THE_MISS.search(draft.sentences[i].text)))
               and not _dates_the_miss(draft, i, told_in) and not _dates_something_else(draft.sentences[i].text, miss) for i in _time_sentences(draft))


# Another matter told as going ahead: "The benchtops are going in on Thursday as planned", "His suite is ready as requested".
_GOING_AHEAD = re.compile(
    r"\b(?:as|like)\s+(?:planned|requested|scheduled|agreed|arranged|booked|usual|normal|expected|confirmed|discussed)\b|\bon\s+(?:track|schedule)\b|\bgoing\s+ahead\b", _I)
_THING_AS_SUBJECT = re.compile(r"^\W*(?:the|your|his|her|their|our)\s+\w", _I)
_WILL_DO = re.compile(r"\b(?:will|'ll|instead|now|new|going\s+to)\b|\bre(?:schedul|book|sen[dt]|arrang|deliver)\w*", _I)


def _dates_something_else(sentence: str, miss: str) -> bool:
    """A date for another matter that goes ahead as planned, not a new date for the miss."""
    if not _GOING_AHEAD.search(sentence) or not _THING_AS_SUBJECT.match(sentence) or _WILL_DO.search(sentence):
        return False
    if _BACK_TO_THE_MISS.search(sentence):
        return False
    missed = _content_words(miss)
    return bool(missed) and not (_content_words(sentence) & missed)


_MISS_DATE = re.compile(
    r"\W*(?:which|that|as|it|they)?\s*(?:(?:was|were|is|are|had\s+been|we|I)\s+)?(?:(?:originally|already|all|first)\s+)?(?:due|promised|meant|supposed|scheduled|expected|agreed|planned|owed)\b", _I)
# A sentence whose only remedy words send something: "The March guard rota is attached", "Please find the hotel list below".
_SENDS = re.compile(SENDING, _I)
# ...pointing back at what was missed ("It's attached now", "the corrected invoice is attached"),
_BACK_TO_THE_MISS = re.compile(
    r"\b(?:it|them|this|these|those|they)\b|\b(?:corrected|revised|updated|amended|right|correct|missing|fixed|replacement|reissued|final|signed|proper|outstanding|overdue|late"
    # a report on the miss itself: "the full post-mortem is attached"
    r"|full|post-?mortem|incident|root[\s-]+cause|write-?up|investigation|explanation)\b", _I)
# ...or, with nothing pointing back, something else said to be an aside ("also attached", "attached separately", "for your records").
_ASIDE = re.compile(
    r"\b(?:also|separately|as\s+well|too|for\s+your\s+(?:records|interest|information|reference|files)|in\s+the\s+meantime|meanwhile|previous|other|next\s+(?:week|month|quarter|year)'s"
    r"|last\s+(?:week|month|quarter|year)'s|(?:january|february|march|april|may|june|july|august|september|october|november|december)'s)\b", _I)
_ATTACHMENT_MISSED = re.compile(r"\battach|\benclos|\blink\b|\bfile\b", _I)
# Documents one writer calls by another name ("the slides" missed, "the deck" attached): the same thing.
_DOCUMENT = (
    "file files document documents doc docs pdf report reports slides deck presentation spreadsheet sheet figures numbers draft drafts version copy"
    " contract agreement proposal quote quotation invoice invoices statement statements letter form forms plan plans list schedule rota brief notes"
    " minutes summary pack proofs proof artwork photos images pictures link links paperwork details breakdown estimate drawings").split()
_DOCUMENTS = frozenset(w.rstrip("s") for w in _DOCUMENT)  # as _content_words stems them
_NOT_CONTENT = frozenset((
    "sorry apologies apologise apologize attached attaching enclosed below here please find your with that this have been from will would could should"
    " about again already still just also there their they them were what when which while into onto over under after before then than only very really"
    " week month today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april june july august"
    " september october november december morning afternoon evening last next first second".split()))


_CLAUSE_EDGE = re.compile(_COMMA + r"|[;:()\u2014\u2013]|\s-\s")


def _failure_clause(text: str, failure) -> str:
    """The clause that holds the words of failure: "the snagging list got missed in the shuffle", not "while I thought I'd have access",
    without the words of failure themselves."""
    start = max((m.end() for m in _CLAUSE_EDGE.finditer(text, 0, failure.start())), default=0)
    stop = _CLAUSE_EDGE.search(text, failure.end())
    said = text[failure.start():failure.end()]
    keep = said if len(said.split()) > 3 else " "  # a mishap's span is the words of the mishap: keep them
    return text[start:failure.start()] + keep + text[failure.end():stop.start() if stop else len(text)]


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z][a-z'-]{3,}", text.lower()) if w not in _NOT_CONTENT and not w.endswith("'s")}


def _attaches_something_else(sentence: str, miss: str) -> bool:
    """A sentence that only sends something the miss does not name ("Apologies, we haven't dispatched your fobs. February's
    invoice is attached separately."): an update about another matter, not the fix."""
    if not _SENDS.search(sentence) or any(not _SENDS.fullmatch(m.group()) for m in REMEDY.finditer(sentence)):
        return False
    if _BACK_TO_THE_MISS.search(sentence) or _ATTACHMENT_MISSED.search(miss):
        return False  # "sorry, forgot the attachment! here's the rate card": what is sent is what was missed
    if _ASIDE.search(sentence):
        return True
    said, missed = _content_words(sentence), _content_words(miss)
    if not missed or said & missed:
        return False  # a miss that names nothing ("…, and I didn't"): what is sent may well be it
    return not (said & _DOCUMENTS and missed & _DOCUMENTS)


def _dates_the_miss(draft, i: int, told_in) -> bool:
    """"Sorry! The rate sheet I promised for Monday slipped through the cracks": in the sentence that names
    the miss, a time before the failure dates what was missed, not a new plan."""
    if told_in is None or draft.sentences[i] is not told_in[0]:
        # "I promised to book the room for the 12th and it slipped my mind": a promise's own date, before
        # the words of the miss and none after them, dates what was missed
        text = without_quotations(draft.sentences[i].text)
        failure = _commitment_failure(text)
        if failure is None or not _PROMISED.search(text, 0, failure.start()):
            return False
        return not _time_in(text[_last(FAILURE, text, failure).end():])
    return not _time_in(without_quotations(told_in[0].text)[told_in[1]:])


_OWE_AN_APOLOGY = re.compile(r"owe\s+you$", _I)
_PROMISED = re.compile(r"\b(?:promised|agreed|committed|was\s+(?:meant|supposed|due)|were\s+(?:meant|supposed|due)|said\s+I'd|told\s+you\s+I'd)\b", _I)


# "Anyway, I've attached the timetable", "On another note, brochure attached": after a change of
# subject an attachment or a date answers something else, not the miss.
_PIVOT = re.compile(
    r"\W*(?:anyway|anyhow|anyways|everything\s+else|all\s+else|the\s+rest\s+of|other\s+than\s+that|apart\s+from\s+that|aside\s+from\s+that|otherwise|separately|unrelated(?:ly)?|in\s+other\s+news|by\s+the\s+way|btw|moving\s+on"
    r"|on\s+(?:an?other|a\s+(?:different|separate|lighter|happier|brighter|positive|more\s+positive|side))\s+(?:note|topic|matter|subject|point)"
    r"|changing\s+(?:the\s+)?subject|while\s+I\s+(?:have|'ve\s+got)\s+you|also,?\s+unrelated)\b", _I)
_BY_THE_WAY = re.compile(r"\bby\s+the\s+way[.!]?\s*$", _I)  # "…, by the way." closing a sentence
# What still answers the miss after a change of subject: a new time for it, or sending it.
_ABOUT_THE_MISS = re.compile(
    r"\bre(?:schedul|book|sen[dt]|arrang)\w*|\b(?:could|can|shall)\s+we\b|\blet's\b|\binstead\b|\bnew\s+(?:date|time|deadline)\b"
    r"|\b(?:I|we)(?:'ll|\s+will)\s+(?:get|send|have|bring)\s+(?:it|this|that|them)\b", _I)


def _pivot_after(draft, index: int) -> int:
    """Index of the first sentence after `index` that changes the subject (len(sentences) if none)."""
    sentences = draft.sentences
    for i in range(index + 1, len(sentences)):
        text = sentences[i].text
        if _PIVOT.match(text) or ("way" in text.lower() and _BY_THE_WAY.search(text)):
            return i
    return len(sentences)


# "Everyone here is thinking of him": people at the writer's end before "here is", not the fix
HERE_PEOPLE = ("one", "body", "all", "us", "team", "staff")
_SOMEONE_HERE = re.compile(rf"(?:{'|'.join(HERE_PEOPLE)})\s+$", _I)
# A past time ("last Thursday"), or a date of the reader's own ("I know your starters begin on Monday") told
# with no "so" that acts on it, is no new plan for the miss.
_PAST_TIME = re.compile(r"\b(?:last|previous)\s+$", _I)
# The writer's own past look at the problem ("I checked the tracking this morning and it still shows in transit"):
# a time in that first clause says when they looked, not when it will be fixed.
_LOOKED = re.compile(
    r"\W*(?:I|we)\s+(?:(?:just|already|also|have|'ve|had)\s+)?(?:checked|looked|asked|called|rang|phoned|chased|contacted|e-?mailed|spoke|tried|queried)\b"
    r"(?:(?!\b(?:and|but|so|who|which|then)\b)[^,;:.!?])*$", _I)
_SO = re.compile(r"\b(?:so|but|and\s+(?:so|I|we))\b", _I)
_READERS_DATE = re.compile(r"\W*(?:I|we)\s+(?:know|understand|realise|realize|appreciate)\s+(?:that\s+|how\s+\w+\s+)?(?:your|you|it\s+was\s+(?:due|meant|supposed|promised)"
    r"|(?:that|this|it)\s+(?:made|caused|meant|must\s+have|will\s+have|ruined|threw|left|wrecked|spoiled|spoilt))\b", _I)
# A date in small talk ("See you Thursday", "Have a good weekend") is no new plan for the miss.
_SMALL_TALK = re.compile(
    r"\b(?:see|speak\s+to|talk\s+to|catch)\s+you\b|\b(?:have|wish(?:ing)?\s+you(?:\s+(?:both|all))?)\s+a\s+(?:good|great|nice|lovely|restful|relaxing|wonderful|happy)\b|\benjoy\s+(?:the|your)\b|\bhappy\s+\w+day\b"
    r"|\bhope\s+(?:you|you've|you're|your|the|all|everyone|things|it)\b[^.!?]{0,40}?\b(?:weekend|holidays?|break|trip|christmas|easter|well|good|great|lovely|fun|nice|restful)\b"
    r"|\bhow\s+was\s+(?:your|the)\s+(?:weekend|holiday|break|trip)\b", _I)


def _remedy_sentences(draft) -> set[int]:
    """Indexes of the sentences with a fix or next step."""
    return draft.memo("apologies.remedies", _find_remedy_sentences)


def _time_sentences(draft) -> set[int]:
    """Indexes of the sentences with a concrete time that can be a new plan: asked for only when no fix settles the
    apology first, so most drafts never scan their times."""
    return draft.memo("apologies.times", _find_time_sentences)


# "I'll get the wagon booked in as soon as I can": a promise with no time in it is no new plan for the miss.
_PROMISE = re.compile(r"^(?:I|we)(?:'ll|\s+will)\b", _I)
_NO_TIME = re.compile(
    r"\bas\s+soon\s+as\s+(?:I|we)\s+(?:can|could|'m\s+able|am\s+able|are\s+able|get\s+(?:a\s+)?(?:chance|moment|minute))\b"
    r"|\bwhen\s+(?:I|we)\s+(?:can|get\s+(?:a\s+)?(?:chance|moment|minute))\b|\bat\s+some\s+point\b|\bin\s+due\s+course\b"
    r"|\bonce\s+things\s+(?:quiet|calm|settle)", _I)


def _find_remedy_sentences(draft) -> set[int]:
    text = draft.folded
    found = [(index, text[start:end]) for index, start, end in scan(draft, REMEDY) if _a_fix(text, start, end)
             and not (text[start:start + 4].lower() == "here" and _SOMEONE_HERE.search(text, max(0, start - 12), start))]
    return {index for index, said in found if not _PROMISE.match(said) or not _NO_TIME.search(draft.sentences[index].text)}


def _find_time_sentences(draft) -> set[int]:
    text, sentences, remedies = draft.folded, draft.sentences, _remedy_sentences(draft)
    times, settled = set(), set()  # `settled`: sentences whose every time is ruled out
    for index, start, _ in scan(draft, CONCRETE_TIME):
        if index in times or index in settled:
            continue
        sentence = sentences[index]
        if _PAST_TIME.search(text, max(0, start - 12), start) or _LOOKED.match(text, sentence.start, start):
            continue  # this time only
        if _SMALL_TALK.search(sentence.text) or (_READERS_DATE.match(sentence.text) and not _SO.search(sentence.text) and index not in remedies):
            settled.add(index)
        else:
            times.add(index)
    return times
