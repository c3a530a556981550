"""Promises and their dates: vague commitments, and the date/next-step detector apologies use.

A promise is vague when it names no day the reader can hold the writer to. Two checks:
`vague_promise` finds a promise carrying a vague time word ("soon", "when I can", "early next
week"); `undated_promise` finds a reply or fix promise ("I'll get back to you", "will be
corrected") with no time at all in its sentence.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from ..text.regex import fast
from .registry import Hit, python_check

_I = re.IGNORECASE



# Shared pieces: the reader told not to worry ("no need to stress"), and a rough part of a week or month ("late next week").
_NOT_TO = r"(?:don't|do\s+not|no\s+need\s+to|not\s+to|never)\s+(?:\w+\s+){0,2}?"
_WORRY = r"(?:worry|stress|fret|panic|be\s+(?:concerned|alarmed|anxious))"
_ROUGH_PART = r"(?:early|later|late|mid|(?:towards?|around)\s+(?:the\s+)?end\s+of)[\s-]+(?:next\s+|this\s+|the\s+)?"
# A wish or offer: "I'd like to", "we'd be glad to".
_WISH_TO = r"(?:'d|\s+would)\s+(?:(?:really\s+)?(?:like|love)|be\s+(?:(?:very|really|so|more\s+than|only\s+too)\s+)?(?:glad|happy|delighted|pleased))\s+to"
_CALMS_DOWN = r"(?:[\w'-]+\s+){1,2}?(?:calms?|settles?|quiet(?:en)?s?|slows?|eases?|dies)\s+down"  # "once the season quietens down"
_WHEN_IT_COMES = r"(?:reach|come|arrive|happen|get\s+(?:here|there))\s+(?:[\w-]+\s+){0,2}?when\s+(?:it|they)\b"  # "it will arrive when it arrives"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|24|48|72)"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")

# A time the reader can put in a calendar: a weekday, a date, a clock time, today/tomorrow,
# "within 5 days", "end of day". "Next week" alone is not one.
CONCRETE_TIME = fast(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|\b(?:the|this|next|over|at|on|by)\s+weekend\b"
    r"|\b(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?"
    rf"|\b{_MONTH}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b"
    r"|\bthe\s+\d{1,2}(?:st|nd|rd|th)(?:\s*(?:[,.;:!?)\x{2014}\x{2013}]|-\s|$)|\s+(?:of|at|in|on|by|and|or|to|if|so|when|as|I|we|latest)\b)|\b\d{1,2}/\d{1,2}\b|\b\d{4}-\d\d-\d\d\b"
    r"|\b\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d\d\b|\b(?:noon|midday|midnight)\b"
    r"|\b(?:eod|cob|eob|eow)\b|\bend\s+of\s+(?:the\s+|this\s+|next\s+)?(?:day|business|week|month|play)\b|\bclose\s+of\s+business\b"
    r"|\b(?:today|tonight|tonite|tomorrow)\b|\bthis\s+(?:morning|afternoon|evening)\b"
    rf"|\b(?:within|in)\s+(?:the\s+next\s+)?(?:a|an|{_NUMBER})(?:\s*(?:-|–|to|or)\s*{_NUMBER})?\s+(?:working\s+|business\s+|calendar\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|wks?)\b"
    r"|\bright\s+(?:away|now)\b|\bimmediately\b|\bnow\b|\b(?:the\s+)?same[\s-]day\b|\bthe\s+next\s+(?:working\s+|business\s+)?day\b|\bby\s+(?:the\s+)?(?:\d|end\s+of|close\s+of)",
)
# A rough time that still answers "when" for a reply promise ("next week", "in March").
SOME_TIME = fast(
    rf"\b(?:this|next)\s+(?:week|month|quarter)\b|\b(?:in|by|during|before)\s+(?:early\s+|mid-?|late\s+)?{_MONTH}\b"
    r"|\bq[1-4]\b|\bafter\s+(?:lunch|the\s+(?:call|meeting))\b",
)
# Words that set no date. Each must come with a promise to count.
VAGUE_TIME = fast(
    r"\bwhen(?:ever)?\s+(?:convenient|feasible|practicable)\b|\bnext\s+(?:day|week|month)\s+or\s+two\b|\bsoon(?:ish|est)?\b|\bshortly\b|\ba\.?s\.?a\.?p\b\.?|\bin\s+(?:the\s+)?shortest\s+(?:possible\s+)?(?:time|period)\b"
    # "shouldn't be long now", "won't take long": how long is left, with no end to it
    r"|\b(?:shouldn't|won't|should\s+not|will\s+not|wouldn't|not)\s+(?:be|take)\s+(?:(?:too|very|that|so|much)\s+){0,2}long(?:er)?(?:\s+now)?\b|\bnot\s+long\s+now\b"
    r"|\bas\s+soon\s+as\s+(?:(?:it|this|that)\s+(?:will\s+be|is|becomes|would\s+be)\s+)?(?:possible|humanly\s+possible|practicable|feasible|(?:I|we|they|he|she)\s+(?:can|could)\b"
    r"|(?:I'm|we're|they're|he's|she's|I\s+am|we\s+are|they\s+are|he\s+is|she\s+is)\s+able|(?:it's|it\s+is|they're|they\s+are)\s+(?:ready|done|finished|available)\b|(?:I|we)\s+(?:hear|get\s+word|receive|know)\b)"
    rf"|\bsome(?:where|\s?time)\s+(?:around|between|in\s+the\s+next)\s+(?:[\w-]+\s+){{0,4}}?(?:days?|weeks?|months?|summer|spring|autumn|fall|winter|end|middle|mid-?\w*|early|late|quarter|year|{_MONTH})\b(?:\s+(?:to|and|or)\s+(?:the\s+)?(?:end|middle|start|beginning)\s+of\s+(?:the\s+|this\s+|next\s+)?(?:month|week|year|quarter)\b)?"
    rf"|\bat\s+(?:some|a\s+later|a\s+future|a\s+certain)\s+(?:point|stage|date|time|moment)\b|\bsomewhere\s+along\s+the\s+(?:way|line)\b|\bsome\s?time\b|\beventually\b"
    r"|\bin\s+due\s+course\b|\bin\s+the\s+(?:near|not[\s-]+too[\s-]+distant|foreseeable)\s+(?:future|term)\b|\bbefore\s+(?:too\s+)?long\b"
    r"|\b(?:in|on|at|during|with)\s+one\s+of\s+(?:the|our|my)\s+(?:next|upcoming|coming|future)\s+(?:few\s+)?(?:updates|releases|versions|builds|rounds|batches|cycles|sprints|visits|trips|service\s+visits|site\s+visits|deliveries|shipments|inspections|call-?outs)\b|\bin\s+a\s+(?:future|later|subsequent)\s+(?:update|release|version|build|round|batch|cycle|sprint|iteration|turn|draft|revision|pass|edition|cut)\b"
    r"|\bdown\s+the\s+(?:line|road|track)\b|\bone\s+of\s+these\s+(?:days|afternoons|mornings|evenings|weeks)\b|\banother\s+time\b|\b(?:a\s+bit\s+)?later(?:\s+on)?\b"
    r"|\bany\s+(?:day|time|minute|moment|week)\s+(?:from\s+)?now\b|\bjust\s+now\b|\bin\s+some\s+days\b|\bsooner\s+or\s+later\b"
    r"|\bin\s+a\s+(?:(?:hot|quick|lil|little)\s+)?(?:bit|while|jiffy|sec|second|moment|tick|mo)\b|\bin\s+a\s+hot\s+min(?:ute)?\b|\bin\s+(?:two|2|a\s+couple\s+of|a\s+few)\s+(?:seconds|secs)\b|\bin\s+a\s+(?:little|short)\s+while\b|\b(?:in|within)\s+a\s+few\s+(?:more\s+)?(?:days|weeks|months)\b"
    r"|\b(?:a|one)\s+(?:day|week|month)\s+or\s+(?:two|three|so)\b|\b(?:\w+\s+)?(?:days|weeks|months)\s*,?\s+give\s+or\s+take\b|\bmomentarily\b|\bin\s+two\s+shakes\b|\bin\s+(?:two|a\s+couple\s+of|a\s+few)\s+ticks\b"
    r"|\bwhen(?:ever)?\s+(?:I|we)\s+(?:can|get|have|find|'ve\s+got|am\s+able|'m\s+able|are\s+able|'re\s+able|next|know|hear|learn|find\s+out)\b"
    r"|\bwhen(?:ever)?\s+(?:I'm|I\s+am|we're|we\s+are)\s+(?:next\s+\w+|passing|around|in\s+the\s+area|nearby|in\s+town|(?:back\s+)?(?:over|out|up|down)\s+(?:your|that|this)\s+way)\b"
    r"|\bonce\s+(?:I|we)(?:'ve|'m|'re|\s+(?:get|have|come|am|are|find))\b"
    r"|\b(?:when|once|after)\s+(?:things|it|that|this|everything|work|life|the\s+dust)\s+(?:calm|settle|quiet|quieten|die|slow|ease|get)s?\b|\bwhen\s+the\s+dust\s+settles\b"
    rf"|\b(?:when|once|after|as\s+soon\s+as)\s+(?:{_CALMS_DOWN}|(?:[\w'-]+\s+){{1,2}}?(?:eases?|tails?)\s+off)\b"
    r"|\b(?:when|once|after)\s+(?:things|it|work|life|everything)(?:'s|\s+is|\s+are|\s+gets?)\s+(?:a\s+bit\s+)?(?:less\s+\w+|quieter|calmer|back\s+to\s+normal|more\s+manageable)\b"
    r"|\b(?:when|once)\s+(?:I'm|I\s+am|we're|we\s+are)\s+back\b"
    r"|\b(?:when|once|after|as\s+soon\s+as)\s+(?:things|circumstances|conditions|the\s+(?:situation|workload|supply\s+situation))\s+(?:(?:have|has)\s+)?(?:settle[sd]?|allows?|permits?|returns?\s+to\s+normal|improve[sd]?|normali[sz]e[sd]?|stabili[sz]e[sd]?|dry\s+out|line\s+up|ease[sd]?|get\s+better"
    r"|(?:is|are|gets?|becomes?)\s+(?:a\s+(?:bit|little)\s+)?(?:better|normal|back\s+to\s+normal|clearer|easier|calmer|quieter|stable|settled|(?:more|less)\s+\w+))\b"
    r"|\b(?:once|when|after)\s+[\w\s']{1,40}?\s+(?:is|are)\s+out\s+of\s+the\s+way\b"
    r"|\b(?:when|once|as\s+soon\s+as)\s+(?:the\s+)?[\w\s'-]{1,30}?\s+(?:is|are|gets?|get)\s+(?:open|clear|cleared|running|moving|complete|back\s+(?:open|up|to\s+normal))\s+again\b|\b(?:(?:once|when(?:ever)?|as\s+soon\s+as|until|till)\s+(?:[\w'-]+\s+){1,3}?)?(?:get|gets|getting)\s+(?:a)?round\s+to\b"
    r"|\b(?:once|when(?:ever)?|as\s+soon\s+as)\s+[\w\s'-]{1,40}?\s+(?:frees?\s+up|(?:is|are)\s+free\b|(?:has|have|gets?)\s+(?:some\s+|more\s+|(?:a\s+)?(?:bit|little|touch)\s+(?:of\s+|more\s+)?|spare\s+|available\s+|free\s+)?(?:availability|capacity|bandwidth|room|time))\b"
    r"|\b(?:when|once|whenever)\s+(?:[\w'-]+\s+){0,3}?(?:becomes?|is|are|will\s+be|gets?)\s+available\b"
    # The writer's own piece of work being finished: "I'll give you a shout when it's sorted".
    r"|\b(?:when|once|whenever)\s+(?:it's|it\s+is|it\s+has\s+been|this\s+has\s+been|that's|they're|they\s+are|they've\s+been|everything's|it's\s+all|all\s+is)\s+(?:all\s+)?(?:done|finished|sorted|fixed|complete|completed|resolved|ready)\b"
    r"|\b(?:once|when|after)\s+(?:it's|it\s+has|they've|they\s+have|it|they)\s+(?:cleared|passed|been\s+through|gone\s+through|got\s+through|clears|passes|goes\s+through|gets\s+through)\s+(?:QA|testing|tests|review|sign-?off|checks|approval|compliance|legal)\b"
    r"|\b(?:in|within)\s+(?:a\s+)?(?:few|couple\s+(?:of\s+)?)\s+(?:(?:business|working)\s+days|days|weeks|months|sprints|fortnights)\b"
    # "when there's movement", "once there's news": no event, only "when something happens".
    r"|\b(?:when|once|as\s+soon\s+as|whenever)\s+(?:there(?:'s|\s+is|\s+are)(?:\s+been)?|there\s+ha(?:s|ve)\s+been|(?:I|we)\s+(?:have|get|hear|see))\s+(?:any\s+|some\s+|more\s+|an?\s+|further\s+|real\s+)?(?:movement|news|progress|developments?|update|word)\b"
    r"|\b(?:when|once|after)\s+(?:I|we)\s+(?:return(?:\s+(?:from|to\s+(?:the\s+)?office|home)\b|\s*[,.;!]|$)|get\s+back\s+(?:from|to\s+(?:the\s+)?office|home|to\s+my\s+desk)\b)|\bafter\s+(?:my|our)\s+(?:holiday|leave|break|trip|vacation|time\s+off|annual\s+leave|hols)\b"
    r"|\b(?:when|once|as\s+soon\s+as|whenever)\s+(?:there's|there\s+is|we\s+have|I\s+have|we\s+get|I\s+get|a)\s+(?:a\s+)?(?:gap|free\s+slot|slot|opening|window|cancellation)\b|\bslot\s+opens\s+up\b"
    r"|\b(?:fit|slot|squeeze)\s+(?:it|you|this|that|them|the\s+[\w-]+)\s+in\s+(?:somewhere|between\s+(?:jobs|other\s+\w+|calls|meetings)|around\s+(?:other|my|our)\s+\w+)\b"
    r"|\b(?:once|when|after)\s+(?:a|the|our|their)\s+(?:final\s+)?decision\s+(?:has\s+been|have\s+been|is|was|gets?)\s+(?:made|reached|taken)\b|\b(?:once|when|after)\s+(?:we|they)(?:'ve|\s+have)?\s+(?:made|reached|taken)\s+a\s+decision\b"
    # Someone else's trouble clearing up, however long that takes: "as soon as they sort themselves out".
    r"|\b(?:once|when|as\s+soon\s+as)\s+(?:[\w'-]+\s+){1,2}?(?:(?:sorts?|gets?|pulls?|got)\s+(?:(?:themselves|itself|himself|herself|things|it)\s+(?:out|together|sorted)|(?:their|its|his|her)\s+(?:act|house|finger)\b|back\s+on\s+(?:track|(?:their|its|his|her)\s+feet)|round\s+to\s+it|on\s+top\s+of|a\s+(?:chance|minute|moment|sec))|had\s+(?:a\s+)?(?:chance|minute|moment|look|proper\s+look|bit\s+of\s+time|time)|(?:catch(?:es)?|caught)\s+up\b|(?:is|are)\s+back\s+on\s+(?:track|(?:their|its|his|her)\s+feet|top))"
    r"|\b(?:come\s+when\s+(?:it|they)\s+comes?|arrive\s+when\s+(?:it|they)\s+arrives?|happen\s+when\s+(?:it|they)\s+happens?|get\s+(?:here|there)\s+when\s+(?:it|they)\s+gets?\s+(?:here|there)"
    r"|reach\s+(?:[\w-]+\s+){0,2}?when\s+(?:it|they)\s+reach(?:es)?|be\s+(?:ready|done|here|there)\s+when\s+(?:it's|it\s+is|they're|they\s+are)\s+(?:ready|done|here|there))\b"
    r"|\bwhenever\s+(?:it|they|that|this|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:comes?\s+in|arrives?|turns?\s+up|lands?|gets?\s+(?:here|in)|(?:is|are)\s+(?:in|here|back))\b"
    rf"|\b{_ROUGH_PART}(?:week|month|quarter|year)\b"
    r"|\b(?:in|over|within)\s+the\s+(?:next|coming|following)\s+(?:few\s+|couple\s+(?:of\s+)?)?(?:days|weeks|months|little\s+while|while|period)\b"
    r"|\b(?:in\s+)?(?:a|one)\s+(?:day|week|month)\s+or\s+two\b|\bnext\s+(?:few|couple\s+(?:of\s+)?)\s+(?:days|weeks|months)\b|\bin\s+(?:the\s+)?coming\s+(?:days|weeks|months)\b"
    r"|\bin\s+a\s+(?:matter|couple)\s+of\s+(?:days|weeks|sprints)\b|\bwithin\s+a\s+reasonable\s+(?:time|timeframe|period)\b"
    r"|\b(?:at\s+)?the\s+appropriate\s+(?:time|juncture|moment)\b|\bin\s+the\s+normal\s+course\b|\b(?:days|weeks?|months?)\s+or\s+so\b|\w-ish\b"
    r"|\bfingers\s+crossed\b|\b(?:time|bandwidth|capacity|resources|workload)\s+permitting\b|\bwhen\s+(?:time|bandwidth|capacity|resources|workload|(?:our|my|the)\s+(?:schedule|diary|calendar))\s+(?:allows?|permits?)\b"
    r"|\bafter\s+(?:further|internal|more)\s+(?:review|discussions?|consideration|deliberation)\b|\b(?:further|later)\s+(?:into|along|on\s+in)\s+(?:the|this)\s+(?:project|season|year|process|programme|program|build|rollout|job|contract|quarter|campaign|engagement)\b|\brespond\s+accordingly\b|\bpost\s+discussion\b"
    r"|\b(?:in|with|into|for)\s+(?:one\s+of\s+)?(?:an?|the)\s+(?:upcoming|future|later|coming|forthcoming|subsequent|next\s+few)\s+(?:releases?|versions?|updates?|builds?|patch(?:es)?|phases?|sprints?|iterations?)\b"
    r"|\b(?:after|once|when)\s+(?:the\s+)?(?:rush|busy\s+(?:season|period|spell)|crunch|holidays|peak)\b"
    r"|\b(?:after|once|when)\s+(?:the|all|our|their)\s+[\w\s-]{1,40}?\s+(?:is|are|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:finali[sz]ed|done|over|settled|completed?|ready|sorted|consulted|finished|concluded|through|wrapped\s+up)\b"
    # Sign-off on the writer's own side; "once the design is approved" usually waits on the reader.
    r"|\b(?:after|once|when)\s+(?:our|their)\s+[\w\s-]{1,40}?\s+(?:is|are|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:approved|signed|agreed)\b"
    r"|\bafter\s+(?:the|our|their)\s+(?:[\w-]+\s+){1,2}?(?:sorts|finishes|gets|comes|confirms|meets|reconvenes|convenes|sits|has\s+met)\b|\b(?:nearer|closer)\s+(?:to\s+)?the\s+(?:time|date|day)\b"
    r"|\bif\s+(?:I|we)\s+get\s+(?:a|the)\s+(?:chance|minute|moment|free)\b|\b(?:another|some(?:\s+other)?)\s+day\b|\bsome\s+other\s+time\b|\bone\s+of\s+these\s+days\b|\bsomeday\b"
    r"|\bat\s+(?:our|my|the)\s+earliest\s+(?:convenience|opportunity)\b|\bpresently\b|\bin\s+(?:a\s+)?(?:timely|prompt)\s+(?:manner|fashion)\b"
    r"|\bin\s+(?:due|good)\s+time\b|\bin\s+time(?:\s*[.!;,]|\s*$)|\bexpeditiously\b|\bas\s+and\s+when\b|\bas\s+(?:circumstances|time|capacity|resources?|bandwidth|workload|(?:our|my|the)\s+(?:schedule|workload|capacity|diary|calendar))\s+(?:permits?|allows?)\b|\ball\s+(?:being|going)\s+well\b"
    r"|\bgive\s+or\s+take\b|\bor\s+thereabouts\b|\bmore\s+or\s+less\s+(?:in|by|around|at|towards?)\s+(?:the\s+)?(?:autumn|fall|spring|summer|winter|new\s+year|end|middle|beginning|start|second\s+half|first\s+half)\b|\bwhere\s+(?:I|we)\s+can\b|\bright\s+up\b|\bwhen(?:ever)?\s+possible\b|\bas\s+(?:quickly|quick|fast)\s+as\s+(?:possible|I\s+can|we\s+can)\b|\bas\s+(?:quickly|quick|fast|soon|promptly)\s+as\s+(?:is\s+)?(?:reasonably|humanly|realistically|practically)\s+(?:possible|practicable|I\s+can|we\s+can)\b|\bas\s+(?:quickly|quick|fast|soon|promptly)\s+as\s+(?:I|we)\s+(?:reasonably|realistically|possibly)\s+can\b"
    r"|\b(?:before|by|over|after)\s+the\s+(?:summer|spring|autumn|fall|winter|holidays|new\s+year|(?:cold|warm|bad|wet)\s+weather|winter\s+months)\b"
    r"|\b(?:some\s?time\s+|soon\s+)?after\s+(?:the\s+)?(?:christmas|xmas|easter|new\s+year|half[\s-]?term|diwali|eid|ramadan|thanksgiving|hanukkah|(?:school|summer|easter|christmas)\s+holidays|bank\s+holiday|festive\s+(?:season|period)|busy\s+season|season\s+ends)\b"
    r"|\btimely(?:\s*(?:[.,;!]|$)|\s+(?:about|on|with|regarding|of|and|once|when|as)\b)|\bin\s+a\s+timely\s+way\b|\bin\s+the\s+fullness\s+of\s+time\b"
    r"|\bat\s+the\s+earliest(?:\s+possible)?\b|\bat\s+the\s+(?:very\s+)?(?:first|next|earliest)\s+(?:(?:available|possible)\s+)?(?:opportunity|chance|possibility|occasion)\b|\b(?:on|with)\s+(?:top\s+|high\s+)?priority\b|\bas\s+early\s+as\s+(?:possible|we\s+can|I\s+can)\b"
    # A place in a queue is no date: "we will deal with yours in turn", "in the order received".
    r"|\bin\s+turn\s*(?:[.!;,]|$)|\bin\s+(?:the\s+)?(?:strict\s+|due\s+)?(?:date\s+)?order(?:\s+of\s+(?:receipt|arrival)|\s+(?:they\s+were\s+|it\s+was\s+)?received)?\s*(?:[.!;,]|$)|\bin\s+sequence\b"
    r"|\bwhen\s+(?:it|yours|your\s+\w+|we|I)\s+(?:reach(?:es)?|gets?\s+to)\s+the\s+(?:top|front|head)\b|\bwhen\s+(?:your|its)\s+turn\s+comes\b"
    # Time the writer asks for: "give me a little while and I'll come back to you".
    r"|\b(?:bear|allow\s+(?:me|us))\s+(?:some|a\s+(?:little|bit\s+of))\s+time\b"
    r"|\bgive\s+(?:me|us)\s+(?:a\s+(?:little\s+|bit\s+of\s+|few\s+|couple\s+(?:of\s+)?)?|some\s+(?:more\s+)?|more\s+)(?:while|bit|time|moment|minute|sec|second|days|hours|weeks)\b"
    r"|\blet\s+(?:me|us)\s+(?:have\s+a\s+(?:proper\s+|good\s+|quick\s+|little\s+|bit\s+of\s+a\s+)?(?:think|ponder)|mull\s+(?:it|this|that)\s+over|think\s+(?:it|this|that)\s+over|sleep\s+on\s+it)\b"
    # A window with no end, or hung on how things go: "next week or the week after", "depending on workload".
    r"|\bor\s+the\s+(?:week|month|one)\s+after\b"
    r"|\b(?:(?:around|about|towards?|by)\s+)?(?:the\s+)?(?:end|middle|beginning|start)\s+of\s+(?:the\s+|this\s+)?(?:week|month|year)\s+or\s+(?:maybe\s+|perhaps\s+|possibly\s+|so\s+|even\s+)?(?:the\s+)?(?:beginning|start|early\s+part|first\s+(?:week|few\s+days))\s+of\s+(?:the\s+)?next(?:\s+(?:week|month|year))?\b|\b(?:this|next)\s+(?:week|month)\s+or\s+(?:next|the\s+one\s+after)\b"
    r"|\bdepending\s+on\s+(?:how\s+(?:things|it|the\s+\w+|busy|we|I|our|my)|what\s+else|workload|our\s+workload|capacity|availability|stock|demand|other\s+jobs|the\s+(?:workload|backlog|queue|rest\s+of|audit|launch))\b"
    # An improvement promised for an open-ended future ("we'll look to tighten things up going
    # forward"); _vague_search keeps these only beside an improvement word.
    r"|\b(?:park(?:ing|ed)?|shelv(?:e|ing|ed)|leav(?:e|ing)|hold(?:ing)?\s+off\s+on|put(?:ting)?\s+off)\s+(?:the|this|that|our|a|any|your)\s+(?:[\w-]+\s+){0,2}?decision\b[^.!?]{0,60}?\bfor\s+now\b(?:\s*,?\s*(?:and|then)\s+(?:revisit|come\s+back|return|decide|see|pick)\b[^.!?]{0,60})?"
    r"|\b(?:going|moving)\s+forward\b|\bin\s+(?:the\s+)?future\b|\bfrom\s+now\s+on\b|\bhenceforth\b",
)
# A condition that hangs the promise on an outside event ("once legal has had a look").
CONTINGENT = fast(r"\bonce\s+\w+")
_NOT_A_CONDITION = frozenset("you your more again that this a an or in for only per every and".split())  # "return it once for correction": one time
# The writer promising something. Reader-side requests ("could you get back to me") are not promises.
PROMISE = fast(
    r"\b(?:I|we)(?:'ll|\s+will|\s+shall|\s+(?:am|are)\s+going\s+to|'m\s+going\s+to|'re\s+going\s+to"
    r"|\s+(?:plan|aim|intend|expect|promise|hope)\s+to|(?:'m|'re|\s+am|\s+are)\s+(?:hoping|planning|aiming|intending)\s+to|\s+(?:should|may|might)\s+(?:hopefully\s+|probably\s+|still\s+)?be\s+able\s+to|\s+should\s+(?:have|get|hear|know)|'d\s+(?:aim|hope)\s+to"
    rf"|{_WISH_TO}\s+(?:come\s+(?:out|over|round|by)|stop\s+by|drop\s+by|swing\s+by|visit|sit\s+down|get\s+together|go\s+(?:over|through)|look\s+(?:over|at|into)|walk\s+(?:through|round|around)|talk\s+(?:through|about|it\s+over)|discuss|review|(?:do|run|host|give|lead|present)\s+(?:it|that|this|one)|set\s+up|arrange|book)"
    r"|\s+anticipate|\s+(?:can|could)\s+(?:revisit|discuss|dig|chat|explore|figure\s+out|work\s+out|pick|look\s+(?:at|into|over)|give\s+you\s+(?:an?|the|your)|do\s+(?:it|this|that|one|the\s+[\w-]+)|talk|come\s+back|return|have|get|send|deliver|pencil|book|fit|squeeze|slot|schedule|arrange|set\s+up|go\s+(?:through|over)|cover|get\s+into|confirm|decide|finali[sz]e))\b"
    r"|(?:^|[,.!?:;\x{2014}\x{2013}\x{2600}-\x{27bf}\x{1f300}-\x{1faff}]\s*|\s-\s)(?:will|shall|should\s+(?:have|get|be))\s+\w+|^\s*(?:on\s+it|brb)\b|\b(?:and|then)\s+(?:send|forward|share|e-?mail|mail)\s+you\b|\blet\s+(?:me|us)\b|\blet's\b"
    r"|(?:^|[,.!?:;\x{2014}\x{2013}]\s*|\s-\s)hoping\s+to\b"
    # note style, the writer left out: "Sending the final batch your way soonish"
    r"|(?:^|[,.!?:;\x{2014}\x{2013}]\s*|\s-\s)(?:sending|forwarding|posting|shipping|popping)\s+(?:[\w'-]+\s+){0,4}?(?:your\s+way|over|across|through|to\s+you)\b"
    r"|\b(?:and|but|then)\s+(?:will|shall|should\s+(?:have|get|be))\s+\w+|\b(?:and|but)\s+(?:aim|plan|intend)\s+to\b"
    r"|\b(?:and|but)\s+(?:expect|hope)\s+to\s+(?:send|share|deliver|circulate|issue|provide|confirm|return|publish|revert|update|finish|complete|come\s+back|get\s+(?:it|this|that|them|the|back)\b|have\s+(?:it|this|that|them|the\s+[\w-]+)\s+(?:to|with|over|ready|back))\b"
    r"|,\s*who\s+(?:will|shall)\s+\w+"  # "...to the enforcement team, who will look at it"
    # Someone on the writer's side contacting the reader: "our team … and they'll update you", "the technician will give you a call".
    r"|\b(?:it|this|that|they|these|everything)(?:'ll|\s+will)\s+(?:all\s+)?get\s+(?:sorted|fixed|done|resolved|sent|paid|processed|refunded)\b"
    r"|\b(?:it|they|these|those|everything)'ll\s+(?:(?:probably|likely|hopefully|definitely|all)\s+)?be\s+(?:ready|done|finished|sorted|fixed)\b"
    r"|\b(?:they|he|she)(?:'ll|\s+will|\s+shall)\s+(?:be\s+in\s+touch|(?:get|come)\s+back\s+to\s+you|(?:update|contact|call|ring|phone|e-?mail|text|ping|inform|notify|advise)\s+you)\b"
    r"|\b(?:will|shall)\s+(?:give\s+you\s+a\s+(?:call|ring|shout|bell|buzz)|(?:call|ring|phone)\s+you)\b"
    # The present for the future, as many non-native writers use it: "we send you the proposal in the next days".
    r"|\b(?:I|we)\s+(?:send|forward|deliver|share|e-?mail)\s+(?:to\s+)?you\b"
    r"|\b(?:I|we)\s+(?:send|forward|deliver|ship|share|confirm)\s+(?:(?:it|them|this|these|that|those)\s+)?(?:asap|a\.s\.a\.p|as\s+soon\s+as|soon|shortly|in\s+the\s+(?:next|coming)|in\s+a\s+few|within\s+a\s+few)\b"
    r"|\b(?:our|my)\s+(?:[\w-]+\s+){0,3}?(?:(?:will|shall)\s+\w+|(?:expects|plans|aims|intends|hopes)\s+to\b)"  # "our accounts team will sort it out"
    r"|\b(?:it|they|these|those)(?:'ll|\s+will|\s+should|\s+shall)\s+(?:be\s+(?:with\s+you|over\s+to\s+you|in\s+your\s+(?:inbox|hands|mailbox)|on\s+(?:its|their)\s+way\s+to\s+you)|reach\s+you|land\s+with\s+you|get\s+to\s+you)\b"
    r"|(?:[:\x{2014}\x{2013}]\s*|\s-\s)(?:hopefully|fingers\s+crossed,?|all\s+being\s+well,?)\s+(?:by|in|within|some\s?time|later|early|mid|end|around|before|over|next|this|after|soon)\b"
    r"|\bshould\s+(?:(?:hopefully|probably|definitely|still)\s+)?(?:be\s+(?:with\s+you|here|there|on\s+site|at\s+your\s+(?:place|door|doorstep|house|home|site|office|shop|premises|warehouse|yard|farm|depot)|delivered|shipped|dispatched|going\s+out|on\s+(?:its|their)\s+way)|reach|get\s+to\s+you|arrive|land|turn\s+up|show\s+up|come\s+through|ship|go\s+out|drop\s+(?:\w+\s+){1,3}?off)\b"
    # the tradespeople the writer sends: "our crew should be out …", "the tree surgeon will deal with it …", "the installer can do it …"
    r"|\b(?:the|a|our|my)\s+(?:[\w-]+\s+){0,2}?(?:team|department|desk|crew|engineers?|technicians?|techs?|fitters?|installers?|staff|surgeons?|electricians?|plumbers?|roofers?|decorators?|painters?|glaziers?|locksmiths?|gardeners?|surveyors?|joiners?|carpenters?|tilers?|plasterers?|scaffolders?|landscapers?)\s+(?:will|shall|should|can|could)\s+\w+"
    rf"|\b(?:will|'ll|shall)\s+{_WHEN_IT_COMES}"
    rf"|\b{_WORRY}\b[^.!?]{{0,40}}?\b(?:it|everything)(?:'ll|\s+will)\s+(?:all\s+)?be\s+(?:fine|ok|okay|alright|all\s+right)\b"  # "don't worry, it will all be fine and … in good time"  # "it will come when it comes"
    r"|\b(?:(?:the|your|our)\s+)?(?:delivery|dispatch|shipment|shipping|turnaround|lead\s+time|installation|install|fitting|consignment|container|order|goods)\s+(?:will|should|shall)\s+(?:be|happen|take\s+place|go|leave|ship|sail|move)\b"
    r"|\b(?:your|the)\s+(?:build|works?|installation|repairs?|renovation|job)\s+(?:will|should|shall)\s+(?:start|begin|commence|kick\s+off)\b"
    r"|\b(?:is|are|'s|'re)\s+coming\s+back\s+(?:to\s+you\s+)?from\s+(?:our|the)\s+(?:workshop|factory|supplier|manufacturer|repairers?|lab|printers?|warehouse|vendor|mill|plant)\b"
    r"|\b(?:will|shall)\s+(?:get|send|pass|hand|forward|have)\s+(?:\w+\s+){0,3}?(?:over\s+|back\s+)?to\s+you\b"
    r"|\b(?:back\s+to\s+you|more\s+soon|coming\s+right\s+up|coming\s+your\s+way)\b|\b(?:will|'ll|should)\s+be\s+along\b"
    r"|\b(?:is|are)\s+(?:anticipated|expected)\s+to\s+be\s+forthcoming\b"
    r"|\b(?:a|the|our|any)\s+(?:final\s+|formal\s+)?decision\s+(?:(?:on|about)\s+(?:[\w'-]+\s+){1,5}?)?(?:will|shall|should)\s+be\s+(?:made|taken|reached)\b"
    r"|\b(?:I|we)(?:'re|\s+are|'m|\s+am)\s+(?:parking|shelving|holding\s+off\s+on|putting\s+off)\s+(?:the|this|that|our|a|any|your)\s+(?:[\w-]+\s+)?decision\b"
    r"|\bexpect\s+(?:it|something|them|the|an?|to\s+hear|to\s+be|our|my)\b"
    r"|\byou(?:'ll|\s+will|\s+should)\s+(?:hear|receive|get\s+(?:it|the|a|an|your)|have|be\s+contacted)\b"
    r"|\b(?:will|shall|should)\s+(?:be\s+)?(?:duly\s+)?(?:in\s+touch|with\s+you|\w+ed|made|sent|done|paid|given|taken|undertaken|ready|dealt\s+with|taken\s+care\s+of)\b"
    r"|^\s*should\s+be\b|\bshould\s+be\s+(?:ready|done|finished|with\s+you|sorted|fixed|back|available|live|there|working|running|resolved)\b"
    r"|\bwill\s+(?:follow|come|be\s+forthcoming|respond|reply|revert|follow\s+up|come\s+back|come\s+your\s+way|be\s+back|get\s+back|contact|consider|decide"
    r"|confirm|ship|arrive|land|send|deliver|update|reach\s+out|touch\s+base|go\s+out|reach\s+you)\b"
    # a proposal to meet: "we should sit down together sometime", "we must find time to go over the plans"
    r"|\bwe\s+(?:should|must|ought\s+to|need\s+to|'ll\s+have\s+to|will\s+have\s+to)\s+(?:really\s+|definitely\s+|probably\s+|all\s+|properly\s+)?(?:grab|get\s+together|sit\s+down|meet|catch\s+up|find\s+(?:some\s+)?time"
    r"|set\s+(?:something|a\s+time|up)|hop|jump|connect|chat|talk|have\s+a\s+(?:chat|call|meeting|catch-?up|proper)|schedule|arrange|book|put\s+(?:something|a\s+time|a\s+date)|go\s+(?:over|through))\b",
)
# Promises to reply, report back or fix: a reader waits on these, so they need a day even when no
# vague word is present.
# "get the documentation updated", "have the link repaired": a fix promised through someone's work
_FIXED_THING = r"(?:it|this|that|them|the\s+(?:[\w-]+\s+)?[\w-]+)"
_FIXED = r"(?:fixed|sorted|corrected|updated|resolved|repaired|amended|put\s+right|taken\s+care\s+of|reprocessed|resubmitted|redone|reissued|straightened\s+out|ironed\s+out|squared\s+away|cleared\s+up)"
# "get it properly fixed", "have that permanently sorted": how well, still not when
_HOW_FIXED = r"(?:properly|permanently|fully|finally|completely|correctly|once\s+and\s+for\s+all)"
# "get a refund going", "get the claim started": the fix set moving, with no day it lands
_SET_GOING = (r"get\s+(?:a|an|the|that|this|your)\s+(?:[\w-]+\s+)?(?:refund|credit|claim|appeal|replacement|reprint|re-?order|correction|fix|reimbursement)"
              r"\s+(?:going|started|moving|underway|under\s+way|in\s+motion|processed|sorted)")
REPLY_OR_FIX = fast(
    r"\b(?:get\s+back|follow\s+up|circle\s+back|revert|be\s+(?:back\s+)?in\s+touch|get\s+in\s+touch|come\s+back\s+to|reconnect"
    r"|keep\s+(?:you|everyone|all)\s+(?:posted|updated|informed|in\s+the\s+loop)|let\s+you\s+know|update\s+you"
    r"|sort(?:\s+out)?\s+(?:it|this|that|the)|(?:fix|correct|rectify)\s+(?:it|this|that|the|your)\b|fix\s+(?:those|these)\b|look\s+into|dig\s+into|chase|take\s+care\s+of"
    rf"|get\s+(?:{_FIXED_THING}|a\s+fix)\s+(?:{_HOW_FIXED}\s+)?(?:{_FIXED}|done|out)|get\s+a\s+fix\s+in|\b(?:a|the)\s+fix\s+is\s+on\s+(?:the|its)\s+way\b|have\s+{_FIXED_THING}\s+(?:{_HOW_FIXED}\s+)?{_FIXED}|{_SET_GOING}"
    # a thing promised to the reader with no day: "we'll get you the whitelisting setup", "I'll get the redline over to you"
    r"|\b(?:I|we)(?:'ll|\s+will|\s+shall)\s+(?:(?:definitely|also|then|certainly|of\s+course)\s+)?get\s+(?:it|this|that|them|those|these|the|your|all|everything)\b(?:\s+[\w'-]+){0,4}?\s+(?:[\w-]+(?:ed|en|up)|taken\s+care\s+of)\s+(?:(?:off|up|down|out|in|over)\s+)?for\s+(?:you|y'all|you\s+all)\b"
    r"|\b(?:I|we)(?:'ll|\s+will|\s+shall)\s+(?:(?:definitely|also|then|certainly|of\s+course)\s+)?(?:(?:put|pull)\s+together|arrange|organi[sz]e|set\s+up|line\s+up)\s+(?:an?|the|some|your|that|this|it|them)\s+(?:[\w-]+\s+){0,3}?(?:up\s+)?for\s+you\b"
    r"|\b(?:I|we)(?:'ll|\s+will|\s+shall)\s+(?:(?:definitely|also|then|certainly)\s+)?get\s+you\s+(?:the|a|an|your|those|these|that|this)\s|get\s+(?:it|them|this|that|these|those|(?:the|your|both)\s+(?:[\w-]+\s+){0,6}?[\w-]+)\s+(?:(?:over|across|back|through|along|on)\s+)?to\s+you\b"
    r"|touch\s+base|ping\s+you|drop\s+you\s+a\s+line|reach\s+out|loop\s+back|make\s+it\s+right|try(?:\s+(?:my|our)\s+(?:very\s+)?(?:best|hardest|utmost))?\s+to\s+(?:get|have|send|finish|deliver|carve|fit|squeeze|find|sort|fix|provide|prepare|complete|arrange)|endeavou?r\s+to\s+(?:send|deliver|provide|prepare|complete|finish|fix|sort|correct|rectify|resolve|amend|repair|replace)|do\s+(?:my|our)\s+best\s+to\s+(?:get|send|have|finish|deliver|sort|fix|reply|respond|turn|come\s+back)|aim\s+to|add\s+it\s+to|reschedule|revisit|weigh\s+up|get\s+to\s+(?:it|yours))\b|\bget\s+to\s+(?:this|that|them)\s*(?:[.!,;\x{2014}\x{2013}]|$)"
    r"|\b(?:will|shall)\s+(?:intimate|revert|reconnect|be\s+in\s+touch)\b"
    # the remedy itself arranged in the passive, with no day: "a permanent fix will be scheduled", "a return visit will be booked"
    r"|\b(?:a|an|the)\s+(?:(?:permanent|proper|full|follow-up|return|further|second)\s+)?(?:fix|repair|replacement|visit|call-?out|engineer\s+visit|remedy)\s+(?:will|shall)\s+be\s+(?:scheduled|arranged|booked|organi[sz]ed|carried\s+out)\b"
    r"|\band\s+(?:(?:I|we)\s+)?(?:tell|inform|write|revert|confirm|answer|reply|advise)\s+(?:to\s+)?you\s*(?:[.!,;]|$)|\b(?:will|shall|'ll)\s+(?:check\s+and\s+)?(?:reply|revert|answer|feedback)\s+(?:to\s+)?you\b"
    r"|\bthe\s+needful\s+(?:will|shall)\s+be\s+done\b|\b(?:necessary|appropriate|required|suitable|needful|due)\s+(?:action|actions|steps|measures)\s+(?:will|shall)\s+be\s+(?:taken|initiated|done)\b|\b(?:will|shall)\s+be\s+(?:\w+ed|done|dealt\s+with)\s+accordingly\b"
    r"|\bshall\s+\w+\s+(?:the\s+)?details\b|\bdo\s+the\s+needful\b|\btake\s+this\s+offline\b|\bleave\s+(?:it|this|that|this\s+one|that\s+one)\s+with\s+(?:me|us)\b"
    r"|\bsee\s+what\s+(?:(?:I|we)\s+can|can\s+be)\s+(?:do|done|arrange|sort|manage|find|organi[sz]e|work\s+out|fit|squeeze)\b"
    r"|\bwill\s+follow(?:\s+(?:shortly|separately|later|soon|under\s+separate\s+cover|by\s+(?:post|mail|e-?mail|courier)))?\s*(?:[.!]|$)"
    r"|\b(?:I'm|I\s+am|we're|we\s+are)\s+on\s+it\b|\bon\s+(?:my|our)\s+(?:list|radar|to-?do\s+list)\b|\bin\s+the\s+queue\b"
    # A place on a plan is no date: "it's on the roadmap", "it's in our backlog", "it's on the list — we'll get to it".
    r"|\b(?:on|in)\s+(?:the|our|my)\s+(?:(?:product|development|dev|feature|engineering|tech|internal|team's)\s+)?(?:roadmap|backlog|wish\s*list)\b"
    r"|\b(?:it's|it\s+is|that's|that\s+is|this\s+is|they're|they\s+are)\s+(?:(?:definitely|firmly|already|now|still|very\s+much|high\s+up)\s+)?on\s+the\s+(?:list|to-?do\s+list)\b"
    r"|\bbear\s+with\s+(?:me|us)\b|\brest\s+assured\b|\bwatch\s+this\s+space\b|\bbrb\b|\bit's\s+coming\s*[.!]"
    r"|\bbeing\s+(?:taken\s+care\s+of|looked\s+into|handled|worked\s+on)\b"
    rf"|\b(?:I'm|I\s+am|we're|we\s+are)\s+(?:working\s+on|looking\s+into)\s+(?:it|this|that|a\s+(?:fix|solution)|getting\s+{_FIXED_THING}\s+{_FIXED})\b"
    # "we are dealing with it." as the whole answer; "dealing with it under reference 24-0918" names where it stands
    rf"|\b(?:I'm|I\s+am|we're|we\s+are)\s+(?:(?:already|now|actively)\s+)?(?:dealing\s+with|attending\s+to)\s+(?:it|this|that)\s*(?:[.!]|$)"
    r"|\blet's\s+(?:set\s+something\s+up|pick\s+this\s+up|find\s+(?:some\s+)?time)\b|\bfind\s+(?:some\s+)?time\s+(?:for\s+(?:us|you|me)\s+)?to\b"
    r"|\b(?:I|we)(?:'ll|\s+will|\s+shall)\s+(?:try\s+to\s+)?find\s+(?:a\s+(?:good\s+|spare\s+|free\s+|quiet\s+)?(?:time|moment|slot|hour|window|afternoon|morning)|(?:some|the)\s+time)\s+(?:for\s+(?:us|you|me)\s+)?to\b"
    r"|\bcarve\s+out\s+(?:some\s+)?time\b|\bwe\s+can\s+revisit\b"
    # making room for it with no day named: "I'll carve out a slot", "set aside a window"
    r"|\b(?:carve|set|block|free)\s+(?:out|aside|off|up)\s+(?:some\s+|a\s+|an\s+)?(?:(?:bit\s+of|proper|quiet|free|spare)\s+)?(?:window|slot|space|gap|hour|afternoon|morning|evening|moment)\b"
    # parked on a pile with no day: "sitting on my to-do pile", "in my in-tray"
    r"|\b(?:is|'s|are|'re|sitting|sits)\s+(?:now\s+|still\s+|safely\s+|right\s+)?(?:on|in)\s+(?:my|our|the)\s+(?:to-?\s?do\s+|in-?\s?)?(?:pile|stack|heap|tray)\b|\bon\s+(?:my|our|the)\s+to-?\s?do\b"
    # reassurance standing in for a plan: "it's all in hand", "your order is receiving our full attention"
    r"|\b(?:it's|it\s+is|that's|that\s+is|this\s+is|everything's|everything\s+is|it's\s+all|all\s+is)\s+(?:all\s+)?(?:in\s+hand|handled\s*(?:[.;!\x{2014}\x{2013}]|$)|under\s+control|in\s+(?:good|safe)\s+hands)"
    r"|\b(?:receiving|getting|has|have)\s+(?:our|my)\s+(?:full\s+|undivided\s+|complete\s+|utmost\s+|close\s+|immediate\s+)?attention\b"
    # the reader told not to worry, with a claim of control in place of a step: "no need to stress, we've got it covered"
    rf"|\b{_NOT_TO}(?:{_WORRY}|lose\s+(?:any\s+)?sleep)\b[^.!?]{{0,80}}?"
    r"\b(?:(?:it's|it\s+is|that's|that\s+is|all|everything(?:'s|\s+is)?)\s+(?:all\s+)?(?:sorted|taken\s+care\s+of|covered|in\s+hand|under\s+control|being\s+(?:handled|dealt\s+with|looked\s+at))"
    r"|(?:it|everything|all|that)(?:'ll|\s+will)\s+(?:all\s+)?(?:(?:be|get)\s+(?:sorted(?:\s+out)?|taken\s+care\s+of|handled|ready|covered|in\s+hand|under\s+control|resolved|fixed)|work\s+(?:itself\s+)?out)"
    r"|(?:I|we)(?:'ve|\s+have)\s+got\s+(?:it|this|that|you|things)(?:\s+covered)?"
    r"|(?:I'm|I\s+am|we're|we\s+are|(?:our|the)\s+(?:[\w-]+\s+)?team(?:'s|\s+is|\s+are))\s+(?:(?:already|now)\s+)?(?:on\s+top\s+of|across|all\s+over|taking\s+care\s+of|handling|sorting(?:\s+out)?|dealing\s+with|looking\s+after)\s+(?:it|this|that|things|everything)\b)"
    r"|\b(?:get\s+(?:on|onto)\s+(?:it|this|that)|get\s+cracking|crack\s+on|get\s+the\s+ball\s+rolling|make\s+a\s+start|make\s+sure\s+(?:(?:it|this|that|they|these|those|everything)(?:\s+all)?|the\s+(?:[\w-]+\s+)?[\w-]+)\s+(?:gets?\s+)?(?:done|sorted|fixed|resolved|happens|taken\s+care\s+of|dealt\s+with|handled|corrected|put\s+right|sorted\s+out|addressed|updated|amended|works?\s+out)|action\s+(?:it|this|that|the\s+[\w-]+))\b"
    r"|\bsee\s+to\s+(?:it|this|that)\s*(?:[.!]|$)|\b(?:will|'ll|shall)\s+(?:take\s+a\s+)?look\s+at\s+(?:it|this|that|them)\s*(?:[.!]|$)|\bconsider\s+it\s+(?:done|sorted)\b|\b(?:will|shall|'ll)\s+(?:check\s+and\s+)?(?:confirm|inform)\s+(?:to\s+)?you\b"
    r"|\b(?:I|we)(?:'ll|\s+will)\s+send\s+(?:you\s+)?(?:a|an)\s+(?:note|update|line|email)\b|\b(?:will|shall)\s+come\s+your\s+way\b",
)
# A fix promised in the passive counts when it is the reader's ("your account will be credited").
PASSIVE_FIX = fast(
    r"\b(?:will|shall)\s+(?:be\s+|get\s+)(?:corrected|credited|refunded|fixed|resolved|addressed|picked\s+up|reviewed"
    r"|looked\s+into|sorted|handled|dealt\s+with|taken\s+care\s+of|considered|replaced|reissued)\b",
)
_READER = fast(r"\byou(?:r|rs)?\b")
_SUBJECT = re.compile(r"\b(?:I|we|you|he|she|they)\b", _I)
# Reply/fix verbs that are a promise only after one ("I'll check and get back to you").
_NEEDS_PROMISE = re.compile(r"^(?:endeavou?r|correct|rectify|carve|set\s+aside|block|free\s+up|touch|ping|drop|reach|loop|make|get|crack|confirm|inform|action|follow|circle|revert|be\s|come|reconnect|keep|let\s+you|update|sort|fix|look|dig|chase|take\s+care|have|try|do\s(?!not\b)|aim|add|reschedule|revisit|weigh|see)", _I)
# Who promises: the writer in the first person.
FIRST_PERSON_PROMISE = fast(r"\b(?:I|we)(?:'ll|\s+will|\s+shall|'m\s+going\s+to|'re\s+going\s+to|\s+(?:am|are)\s+going\s+to)\b|\blet\s+(?:me|us)\b|(?:^|[,.!?:;]\s*|\s-\s)(?:will|shall)\s|\blet's\b")
# "See you soon", "get well soon": social, not a promise of work.
_SOCIAL = fast(
    r"\b(?:see(?:ing)?|meet(?:ing)?|talk(?:ing)?\s+(?:to|with)|speak(?:ing)?\s+(?:to|with)|chat(?:ting)?\s+with|catch(?:ing)?\s+up\s+with"
    r"|hear(?:ing)?\s+from)\s+(?:you|her|him|them|everyone|all)\b|\b(?:talk|speak|chat)\s+(?:again|more)\b|\bmeet\s+(?:up|in\s+person)\b"
    r"|\bget\s+well\b|\btalk\s+soon\b|\bsee\s+you\b|\bwelcom(?:e|ing)\s+you\b|\b(?:have|grab|get|pencil\s+in|go\s+for|meet\s+for|do)\s+(?:a\s+)?(?:lunch|coffee|dinner|drinks?|a\s+drink|a\s+beer|beers|a\s+catch-?up|golf|a\s+round\s+of\s+golf)\b"
    r"|\b(?:get\s+together|meet\s+up|catch\s+up)\s+(?:for|over)\b|\bfor\s+(?:a\s+)?(?:drink|drinks|beer|beers|pint|pints)\b|\b(?:return|repay)\s+the\s+(?:favou?r|hospitality)\b|\bget\s+(?:the\s+(?:families|kids|gang)|everyone|us\s+all)\s+together\b|\bcatch\s+up\s+properly\b",
)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013\u2600-\u27bf\U0001f300-\U0001faff]|\s-\s|\b(?:and|but|so)\b", _I)
_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"")


def without_quotations(text: str) -> str:
    """`text` with quoted words blanked (same length): the other party's words are not the writer's."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of `text` holding [start, end): bounded by commas, dashes, semicolons, and/but/so."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    m = _CLAUSE_BREAK.search(text, end)
    return left, (m.start() if m else len(text))


def has_concrete_time(text: str) -> bool:
    return CONCRETE_TIME.search(text) is not None


# A notice to a group, or one that goes on as it has: "Hi all … we will keep you informed", "I'll update
# everyone periodically", "we'll continue to update you". Announcements, not a stall owed to one reader.
_NOTICE = re.compile(r"\b(?:send\s+(?:\w+\s+)?out|circulate|distribute|let\s+(?:you|everyone|all)\s+know|keep\s+(?:[\w'-]+\s+){1,3}?(?:posted|updated|informed|in\s+the\s+loop|abreast|apprised)|update|inform|notify|advise|provide\s+(?:\w+\s+)?updates|send\s+(?:\w+\s+)?updates|(?:be\s+)?in\s+touch)\b", _I)
_GROUP = re.compile(r"^\s*(?:(?:let|keep|update|inform|notify|advise|send|provide)\w*\s+)?(?:everyone|everybody|all\s+of\s+you|you\s+all|y'all|all\s+staff|all\s+employees|the\s+(?:whole\s+|entire\s+)?(?:team|desk|group|department|floor|office|business\s+unit))\b", _I)
_ONGOING = re.compile(r"\bcontinue\s+to\b|\bkeep\s+(?:on\s+)?(?:updating|informing|sending)\b|\b(?:periodically|regularly|on\s+a\s+regular\s+basis|from\s+time\s+to\s+time|as\s+(?:appropriate|needed|necessary|required)|at\s+(?:regular\s+)?intervals)\b", _I)
_GROUP_GREETING = re.compile(r"^\s*(?:(?:hi|hello|hey|dear|good\s+(?:morning|afternoon)|morning)\s+)?(?:all|everyone|everybody|folks|team|guys|y'all|colleagues|all\s+staff|ladies\s+and\s+gentlemen)\s*[,:!\n\u2014-]", _I)


def _broadcast(draft, text: str, start: int, greeting: bool) -> bool:
    """Is the promise at `start` a notice to a group, or one that goes on as it has? With `greeting`, a
    draft opened to a group ("Hi all,") is enough (for a notice on an event: "All -- I'll send out a summary once
    the last point is settled"); a vague time word needs the group named in the sentence."""
    notice = _NOTICE.search(text, start, start + 60)
    if notice is None:
        return False
    after = text[notice.start():notice.end() + 25]
    return _GROUP.match(after.split(None, 1)[-1] if " " in after else after) is not None or _GROUP.match(after) is not None \
        or _ONGOING.search(text) is not None or (greeting and _GROUP_GREETING.match(draft.text) is not None)


# The writer narrating their own days: "over the next few days I will be in Houston meeting the traders".
_NARRATION = re.compile(
    r"\s*(?:\w+ly\s+)?be\s+(?!(?:send|shar|deliver|forward|post|issu|circulat|releas|publish|provid|return|repl|respond|follow|revert|gett|e-?mail|mail|call|ring|phon|contact"
    r"|updat|writ|ship|dispatch|fix|sort|finali[sz]|complet|finish|submit|pay|refund|credit|draft|prepar|book|arrang|schedul|quot|invoic|chas|look"
    r"|review|investigat|examin|assess|audit|check|process|handl|deal|work\s+on|address|resolv|repair|replac|install|reschedul|rebook|revisit)\w*ing\b)\w+ing\b", _I)
# A call promised for when the writer is back, with no business in it: "I'll give you a call when I get back from Dallas."
_CALL = re.compile(r"\s*(?:give\s+you\s+a\s+(?:call|ring|buzz|bell|shout)|(?:call|ring|phone)\s+you|(?:stop|drop|swing|pop)\s+(?:by|in|round)|look\s+you\s+up)\b", _I)
_BACK = re.compile(r"(?:when|once|after)\s+(?:I|we)(?:'m|'re|\s+am|\s+are)?\s+(?:get\s+back|back|return|next\s+in\s+town)\b", _I)
_TOPIC = re.compile(r"\b(?:about|re|regarding|to\s+(?:discuss|go|talk|walk|run|agree|sort|finali[sz]e|confirm)|with\s+the|on\s+the)\b", _I)


def _dated_beyond_now(text: str, promise) -> bool:
    """A concrete time for the promise; "now" counts only in the promise's own clause ("I'm back now and will look at it")."""
    for m in CONCRETE_TIME.finditer(text):
        if m.group().lower() != "now":
            return True
        c_start, c_end = clause_around(text, promise.start(), promise.end())
        if c_start <= m.start() < c_end:
            return True
    return False


def suggested_deadline(context) -> str:
    """A deadline to put in a replacement: a real weekday two working days after `sent_at`, else a placeholder."""
    sent = getattr(context, "sent_at", None)
    if sent is None:
        return "by Thursday, [date]"
    day, added = sent.date(), 0
    while added < 2:
        day += dt.timedelta(days=1)
        added += day.weekday() < 5
    return f"by {_WEEKDAYS[day.weekday()]}, {day.strftime('%B')} {day.day}"


# Who sets the time. A promise answering the reader's own move ("send me the figures and I'll get
# back to you", "once you confirm, I'll book") waits on the reader, so it owes no date; politeness
# ("if you like") is not such a condition.
_READER_MOVE = re.compile(
    r"\bif\s+there(?:'s|\s+is)\s+anything\s+(?:else\s+)?(?:you|I\s+can|we\s+can)\b"
    r"|\b(?:if|when|once|as\s+soon\s+as|whenever|should|unless|until)\s+you(?!\s*(?:'d\s+)?(?:(?:still|really|do)\s+)?(?:like|want|prefer|don't\s+mind"
    r"|do\s+not\s+mind|agree|wish|think|'re\s+(?:happy|ok|okay|fine)|r\s+turn|'ve\s+ever|\s+ever\b))"
    r"|\blet\s+(?:me|us)\s+(?:know|have(?!\s+a\s+(?:\w+\s+){0,2}?(?:think|ponder|look|go|crack|bit|call|chat|meeting|catch-?up|talk|coffee|lunch)\b))\b|\b(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:let|send|tell|give|email|forward)\b"  # "let me sync with the team" is the writer's own step
    r"|\b(?:tell|send|give|show|forward|email|call|ring|phone|text|ping)\s+me\b(?!\s+(?:check|see|look|find|ask|get\s+back|confirm|review|dig|chase|have|think|sort|try|circle|come|follow"
    r"|a\s+(?:little|bit|few|couple|moment|minute|sec|second|while|day|week)|some\s+(?:more\s+)?time|more\s+time|time\b))"
    r"|\b(?:when|once|as\s+soon\s+as|after)\s+(?:I|we)\s+(?:hear\s+(?:back\s+)?from\s+you|(?:receive|get|have)\s+(?:you|your))\b"
    r"|\blet\s+(?:me|us)\s+(?:hear|here)\s+from\s+you\b|\bif\s+(?:still\s+)?(?:desired|wanted|needed|required|requested)\b"  # a request; an offer
    # an instruction to the reader that the promise follows: "simply reply YES and we'll take care of the rest"
    r"|(?:^|[,;:]\s*)(?:(?:simply|just|please|next\s+time|in\s+(?:the\s+)?future|from\s+now\s+on|maybe|perhaps)\s*,?\s+)*(?:reply|respond|sign|return|confirm|say|tick|click|call|ring|send\s+(?:it|them|me|us|the|your))\b[^.;]{0,80}?\band\s+(?:I|we)(?:'ll|\s+will)\b",
    _I)
# A promise to report something only if it happens is not a promise to report: "if there are any
# problems, we'll let you know".
_CONDITIONAL = re.compile(r"\b(?:if|in\s+case|should\s+(?:there|anything|we|it))\b", _I)
_ANY_NEWS = re.compile(r"\s*(?:(?:informed|posted|updated)\s+)?(?:on|of|about)\s+any\b", _I)
_IF_NEWS = re.compile(r"\b(?:if|should)\s+(?:anything|something|there(?:'s|\s+is|\s+are)\s+(?:any|a)\b|any\s+\w+\s+(?:change|come|arise))", _I)  # "I'll be in touch nearer the time if anything changes"
_NOTIFY = re.compile(r"let\s+you\s+know|keep\s+(?:you|everyone|all)|update\s+you|inform\s+you|be\s+in\s+touch|get\s+in\s+touch|reach\s+out|tell\s+you|alert|notify", _I)
# Someone else's plans, not the writer's promise: "the board will decide in due course", "the
# vendor says a patch will be released shortly". It becomes one when it is made to the reader.
_THIRD_PARTY = re.compile(
    r"\b(?:the|their|his|her)\s+(?:[\w-]+\s+)?(?:board|committee|vendor|supplier|landlord|market|government|regulator|bank|court"
    r"|council|city|state|agency|client|customer|company|firm|management|partner|competitor|press(?!\s+(?:materials?|releases?|kits?|packs?))|weather|forecast|airline|carrier"
    r"|manufacturer|contractor|developer|union|court|judge|investors?|analysts?)s?\b\s*(?:'ll|will|shall|should|is|are|says|said|expects)?"
    r"|\b(?:he|she|they|it)\s*(?:'ll|will|shall)\s*$",
    _I)
_REPORTED = re.compile(
    r"\b(?<!I\s)(?<!we\s)(?:says|say|said|tells\s+(?:us|me)|told\s+(?:us|me)|according\s+to|expects|announced|reports|reported|claims"
    r"|estimates|indicated|informed\s+(?:us|me)|predicts|forecasts)\b"
    # news passed on from someone else: "Per the vendor, …", "Word from the plant is that…", "I'm told…"
    r"|(?:^|[,;:(]\s*)per\s+(?!your\b|my\b|our\b|the\s+(?:contract|agreement|terms|policy|schedule|plan)\b)\w+|\bword\s+(?:from|is)\b|\b(?:I'm|I\s+am|we're|we\s+are|I've\s+been|we've\s+been)\s+(?:told|informed|advised)\b"
    r"|\b(?:I|we)\s+(?:hear|heard|understand|gather)\s+(?:from|that)\b|\b(?:just\s+)?heard\s+(?:back\s+)?from\b|\b(?:mentioned|confirmed|let\s+(?:me|us)\s+know)\s+that\b|\bapparently\b|\breportedly\b|\bFYI\b",
    _I)
_TO_READER = re.compile(r"\byou(?:r|rs)?\b(?!\s+know\b)|\blet\s+you\s+know\b", _I)
_FIRST_PERSON_SUBJECT = re.compile(r"\b(?:I|we|our|my|us)\b|^\s*(?:will|shall|let|expect)\b", _I)


_JOIN_END = re.compile(r"\b(?:and|but|so)\s*$", _I)
_NEW_SUBJECT = re.compile(r"\b(?:and|but|so)\s+((?:it|this|that|everything|(?:your|the)\s+[\w-]+)\s*)$", _I)
# A new main clause ("..., and we'll hold the order until you approve"): a reader move there is
# about that clause, not about the promise before it.
_NEXT_MAIN_CLAUSE = re.compile(r"[,;]\s*(?:and|but|so)\s+(?:I|we)\b|;", _I)


def owed_to_reader(text: str, start: int) -> bool:
    """Is the promise starting at `start` one the writer owes the reader a date for?"""
    before = text[:start]
    next_clause = _NEXT_MAIN_CLAUSE.search(text, start)
    if _READER_MOVE.search(text, 0, next_clause.start() if next_clause else len(text)):
        return False
    promise_and_after = text[start:]
    notify = _NOTIFY.search(promise_and_after, 0, 40)
    if notify and (_CONDITIONAL.search(before) or _ANY_NEWS.match(promise_and_after, notify.end())
                   or _IF_NEWS.search(promise_and_after, notify.end(), notify.end() + 40)):
        return False  # "if anything changes, we'll let you know", "I'll update you on any orders that are issued"
    subject = before[max(0, before.rfind(",") + 1, before.rfind(";") + 1):]
    own_clause = _NEW_SUBJECT.search(subject)
    if own_clause is not None:  # "the supplier is on it and it should be sorted in a bit": the reader's thing is the subject
        subject = subject[own_clause.start(1):]
    if _JOIN_END.search(subject) and _WRITER_HEAD.match(promise_and_after):
        subject = ""  # "the landlord is weighing offers and we will revert": the promise has its own subject
    first_person = _FIRST_PERSON_SUBJECT.search(subject) or (not subject.strip() and _FIRST_PERSON_SUBJECT.match(promise_and_after))
    if first_person:
        return True
    third = _THIRD_PARTY.search(subject) or _REPORTED.search(before)
    return not third or bool(_TO_READER.search(text))


# A statement that is no commitment of the writer's to the reader, whatever time words it carries.
# Anywhere: a past modal ("you should have received"), a prediction about something else ("I think
# this will"), an embedded question ("how we can get there"), "let's" with no meeting or follow-up.
_PAST_MODAL = re.compile(
    r"\b(?:should|would|could|might|must)\s+have\s+(?:been\s+)?(?:\w+ed|received|sent|got|gotten|seen|heard|known|done|made"
    r"|given|taken|told|written|spoken|come|gone|had|thought|found|paid|met|read|left|kept|brought)\b", _I)
# "We should have revised elevations for you": have as possession, not a past modal.
_FOR_YOU = re.compile(r"\s+(?:[\w-]+\s+){1,4}?(?:for|with)\s+you\b", _I)
_PREDICTION = re.compile(
    r"\b(?:I|we)(?:\s+(?:think|believe|guess|suspect|reckon|imagine|assume|bet)|(?:'m|'re|\s+am|\s+are)\s+(?:sure|certain|confident))\s+(?:that\s+)?(?:this|that|it|these|those|they|he|she"
    r"|the\s+[\w-]+(?:\s+[\w-]+)?)\s*$", _I)
_READER_LEARNS = re.compile(r"you(?:'ll|\s+will|\s+should)\s+(?:soon\s+|quickly\s+)?(?:get\s+(?:the\s+hang|used\s+to|the\s+knack|better|there|into\s+the\s+swing)|pick\s+(?:it|this|that)\s+up|find\s+your\s+feet)\b", _I)
# The clause before "expect" has a subject, neither the writer's side nor the reader ("you can expect it soon").
_EXPECT = re.compile(r"expect\b", _I)
_THIRD_PARTY_CLAUSE = re.compile(r"(?:^|[,;:]\s*)(?!.*\b(?:I|we|our|my|you|your)\b)[^,;:]*\w[^,;:]*$", _I)
_CHANCE = re.compile(r"you(?:'ll|\s+will)\s+(?:have|get)\s+(?:several|many|an?|plenty\s+of|another|more)\s+(?:\w+\s+)?(?:opportunit|chance)", _I)
_EMBEDDED = re.compile(r"\b(?:how|whether|what|why|where|which|(?:they|he|she)\s+(?:know|knows|understands?)(?:\s+that)?)\s+$", _I)
# What a meeting is for when it is work, not a social catch-up: "to go over the wills".
_WORK_PURPOSE = (r"(?:\b(?:to|and)\s+(?:discuss|go\s+(?:over|through)|review|walk\s+(?:through|the|it|them)|tour|view|inspect|measure\s+up|talk\s+(?:about|(?:(?:it|this|that|them|things|the\s+[\w-]+)\s+)?(?:through|over))|(?:hash|thrash)\s+(?:(?:it|this|that|things|them|the\s+[\w-]+)\s+)?out|(?:chew|mull)\s+(?:it|this|that|things|them)\s+over|look\s+(?:at|over)|plan|sign|finali[sz]e|agree|decide)\b"
                 # a meeting that is work by its kind: "let's get together sometime for a call"
                 r"|(?:\bfor\s+|(?<=\bfor\s))(?:a|an)\s+(?:(?:quick|proper|short|brief|formal|proper\s+sit-down)\s+)?(?:call|meeting|walk-?through|demo|run-?through|site\s+visit|video\s+call|zoom|teams\s+call|planning\s+session|review)\b)")
_PURPOSED = re.compile(_WORK_PURPOSE, _I)
_LETS_MEET = re.compile(
    r"\s+(?:all\s+)?(?:try\s+(?:and|to)\s+)?(?:tentatively\s+|provisionally\s+)?(?:grab|set|pencil|pick|connect|talk|chat|speak|find|schedule|arrange|book|circle|touch|sync|regroup"
    r"|revisit|reconnect|discuss|review|(?:go|run|work)\s+(?:over|through)|walk|look|plan|aim|have|do|follow|mull|think|take|come|loop|hop|jump|reconvene|put|get\s+back"
    r"|dig|dive|explore|tackle|unpack|brainstorm|get\s+into|return\s+to|(?:park|shelve|hold\s+off\s+on|leave)\s+(?:(?:the|this|that|our|your)\s+(?:[\w-]+\s+){0,3}?(?:decision|question|idea|topic|issue|point|discussion|request)\b|(?:it|this|that)\s+for\s+now)|get\s+on\s+(?:a\s+)?(?:call|zoom|teams|video\s+call|the\s+phone))\b"
    # meeting up is social ("let's catch up soon!") unless it is for the work: "let's get together sometime to go over the wills"
    r"|\s+(?:get\s+together|meet(?:\s+up)?|catch\s+up|sit\s+down)\b(?=[^.!?]*?" + _WORK_PURPOSE + ")",
    _I)
# Without the reader in the sentence, weaker forms say nothing owed to them: a need or wish ("we will
# need to circle back with the auditors"), a plan or capability with no deliverable ("we intend to
# adopt a new name", "we are going to add a site"), a hedge ("will most likely see"), something done
# for someone else ("we can send the customer their login"), or a thing or person other than the
# writer's side doing it ("the pipe which will be replaced", "Judy will get back to us") unless it
# is on its way to the reader ("a revised quote will follow").
_NEED = re.compile(r"\b(?:will|shall|'ll)\s+(?:\w+ly\s+)?(?:need|want|have|wish)\s+to\b", _I)
_HEDGED = re.compile(r"\b(?:(?:plans?|planning|intends?|intending|aims?|aiming|expects?|hopes?|hoping|going)\s+to|can|could|likely|probably|prob)\b", _I)
_DELIVERABLE = re.compile(
    r"(?:\s+(?:then|also|just|soon|shortly|definitely|hopefully|(?:most\s+)?likely|probably|prob|be\s+able\s+to|try\s+(?:and|to)|to"
    r"|be\s+in\s+a\s+position\s+to|be\s+ready\s+to))*\s+"
    r"(?:send|get\s+(?:it|this|that|them|these|those|the|back\s+to|round|around|to|over|something|an?|you)|have\s+(?:it|this|that|them|the|something|an?)"
    r"|share|deliver|forward|e-?mail|mail|post|call|ring|phone|text|write|reply|respond|revert|confirm|update|follow|come\s+back|circle"
    r"|be\s+(?:ready|done|finished)(?!\s+(?:to|with)\b)|dig|chat|explore|figure\s+out|work\s+out|loop|touch|reach|contact|provide|issue|return|refund|credit|pay|fix|sort|resolve|settle|address|handle|deal\s+with|finish|complete|review|look|check|go\s+(?:through|over)"
    r"|read|process|book|schedule|arrange|set\s+up|prepare|draft|put\s+together|quote|invoice|ship|dispatch|circulate|give|hand|pass|release|announce|notify|inform"
    r"|bring|drop|turn\s+around|publish|be\s+in\s+touch|revisit|discuss|talk|pick|meet|sit\s+down|reconnect|regroup|come\s+back|return"
    r"|reschedule|rebook|rearrange|re-?run|redo|repair|replace|install|fit|pencil|visit|do\s+(?:the|it|this|that|your|our)\b|finali[sz]e|activate|enable|connect|switch\s+on|come\s+(?:out|round|over)|get\s+there|decide|make\s+(?:a|the|our|that)\s+(?:call|decision)|get\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:back\s+)?out)\b", _I)
_ON_ITS_WAY = re.compile(
    rf"(?:\s+(?:then|also|soon|shortly|probably|hopefully))*\s+(?:{_WHEN_IT_COMES}|follow|arrive|reach|land|ship|drop|go\s+out|come\s+(?:through|over|back)|turn\s+up|show\s+up|be\s+at\s+your\s+[\w-]+"
    r"|be\s+(?:duly\s+)?(?:provisioned|installed|activated|configured|set\s+up|repainted|attended\s+to|undertaken|addressed|applied|put\s+in\s+place)"
    r"|be\s+(?:with|ready|available|sent|forwarded|delivered|posted|mailed|e-?mailed|issued|shipped|dispatched|done|sorted|fixed"
    r"|resolved|live|out|back|up|corrected|refunded|re-?issued|re-?sent|rebooked|rescheduled|replaced|repaired|reinstated|restored|reconnected|credited|processed|in\s+(?:touch|contact)|addressed|shared|released|forthcoming"
    r"|actioned|handled|confirmed|made\s+available|rolled\s+out|deployed|implemented|included|communicated|provided|advised|notified|supplied|furnished|submitted|effected|taken|undertaken|carried\s+out|arranged))\b", _I)
_MODAL = re.compile(r"\b(?:will|shall|should)\b|'ll\b", _I)
_OUR_SIDE = re.compile(
    r"\b(?:I|we|our|my|us)\b|^\s*(?:will|shall|let|expect|should|hoping)\b"
    r"|\b(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:team|department|desk|crew|engineers?|technicians?|staff)\s*$", _I)
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:it|this|these)\b", _I)  # "this has been passed to our contractor and will be..."
_WRITER_HEAD = re.compile(r"(?:I|we)\b|let\s+(?:me|us)\b|let's\b", _I)
_THEIR = re.compile(r"\s*(?:their|his|her)\b", _I)
_RELATIVE = re.compile(r"\b(?:that|which|who)\b", _I)
_OTHERS = re.compile(
    r"\b(?:send|sent|give|given|hand(?:ed)?|pass(?:ed)?|forward(?:ed)?|deliver(?:ed)?|provided?|talk|speak|discuss(?:ing)?|follow\s+up|be\s+in\s+touch)\s+(?:[\w-]+\s+){0,3}?(?:to|with)"
    r"\s+(?:him|her|them|their\s+(?:famil(?:y|ies)|relatives|staff|colleagues|members|customers|clients|managers?|lawyers?|boss)|(?:the\s+|all\s+)?(?:customers?|clients?|users?|delegates?|candidates?|distributors?|partners?|employees))\b"
    r"|\b(?:send|give|notify|tell|inform|remind|call|email|contact|ask)\s+(?:him|her|the\s+(?:customers?|clients?|users?|delegates?"
    r"|candidates?|distributors?|partners?))\b"
    r"|\b(?:send|give|get|email|issue|hand)\s+(?:the\s+)?[\w-]+\s+(?:their|his|her)\b"  # "send the installers their codes"
    r"|\b(?:deal|follow\s+up|meet|check\s+in|sit\s+down|talk|speak)\s+(?:with|to)\s+(?:the|my|our)\s+(?:[\w-]+\s+)?(?:users?|traders?|staff|team\s+members|members|reports|managers?|brokers?|agents?|vendors?|suppliers?|contractors?|subcontractors?|crews?|drivers?|employees|accountants?|lawyers?|attorneys?|customers?|clients?|distributors?|partners?|candidates?|delegates?|resellers?|dealers?)\b"
    r"|\b(?:follow\s+up|check\s+in|touch\s+base|sit\s+down|talk|speak|meet)\s+(?:with|to)\s+(?-i:[A-Z][a-z]+)\b(?!['\u2019])", _I)  # "I'll follow up with Mark later", not "with Leilani's details"
_LETS = re.compile(r"let(?:'s|\s+us)", _I)
_OFFER = re.compile(rf"(?:I|we)(?:\s+(?:can|could)\b|{_WISH_TO}\b)", _I)
_IF_WANTED = re.compile(r"\b(?:if|should|whenever)\s+you(?:'d|\s+would)?\s+(?:like|want|wish|prefer|need)|\bif\s+(?:useful|helpful|that\s+(?:helps|would\s+help)|it\s+helps)\b", _I)
_CLOSED = re.compile(r"\b(?:will|shall)\s+be\s+(?:closed|shut)\b", _I)  # "our office will be closed over the holidays"
_RELATIVE_END = re.compile(r"\b(?:that|which)\s+$", _I)
# A document announced to whoever reads it, with no reader in the sentence: "the agenda will be released".
_PUBLICATION = re.compile(
    r"\b(?:report|agenda|newsletter|bulletin|study|survey|white\s+paper|article|edition|announcement|press\s+release|results|findings|minutes|programme|program|brochure|catalogue|catalog)s?"
    r"\s+(?:[\w,-]+\s+){0,10}?(?:will|shall|should)\s+(?:be\s+(?:\w+ly\s+)?(?:released|published|issued|posted|circulated|announced|distributed|made\s+(?:public|available))|go\s+out)\b", _I)
_TO_SOMEONE = re.compile(r"\s+(?:with|to)\s+(?!you|me|us\b)", _I)
_MODAL_BEFORE = re.compile(r"\b(?:can|could|may|might)\s+$", _I)  # "we can expect them soon"
_HOPEFULLY = re.compile(r"\bhopefully\s*,?\s*$", _I)
_AFTER_HEDGE = re.compile(r"\s+(?:most\s+)?(?:likely|probably|prob)\b", _I)
# Note style with the writer left out: "Looking into it and will update", "Noted, will revert".
_NOTE_STYLE = re.compile(r"^\s*(?:\w+ing\b|thanks|thank\s+you|noted|received|got\s+it|ok|okay|sure|understood|will\b|yes|yep|yeah|yup|no\s+(?:problem|worries)|of\s+course|absolutely|certainly|sounds\s+good|fine|cool|right|agreed)", _I)


# A wish or offer to meet or do something ("I'd like to come out", "I'd be glad to do it") defers only with an open-ended word.
_WISH = re.compile(rf"(?:I|we){_WISH_TO}\b", _I)
_OPEN_DEFERRAL = re.compile(
    r"(?:at\s+(?:some|a\s+later|a\s+future)\s+(?:point|stage|date|time)|some\s?time\b|another\s+(?:time|day)|some\s+other\s+(?:time|day)|some\s+day|someday"
    r"|one\s+of\s+these|(?:a\s+bit\s+)?later|eventually|down\s+the\s+(?:line|road|track)|in\s+the\s+(?:near|not|foreseeable)|in\s+due\s+course|whenever|sooner\s+or\s+later"
    # a busy spell with no end: "I'd be happy to come out once things settle down"
    rf"|(?:when|once|after|as\s+soon\s+as)\s+(?:things|it|everything|work|life|the\s+dust|{_CALMS_DOWN}))", _I)
_MAYBE_BEFORE = re.compile(r"\b(?:maybe|perhaps|possibly)\s*,?\s*$", _I)
_WINDOW = re.compile(rf"{_ROUGH_PART}(?:week|month)", _I)
_REASSURANCE_HEAD = re.compile(rf"(?:{_NOT_TO})?{_WORRY}\b", _I)


def is_commitment(text: str, promise) -> bool:
    """Is the promise match in `text` (a sentence, quotations blanked) the writer's commitment to the reader?"""
    start, end = promise.start(), promise.end()
    window = text[start:end + 40]
    before = text[:start]
    past = _PAST_MODAL.search(window)
    if past is not None and _FOR_YOU.match(window, past.end() - len(past.group().split()[-1]) - 1) is None:
        return False
    if _PREDICTION.search(before) or _EMBEDDED.search(before) or _READER_LEARNS.match(text, start):
        return False
    if _CHANCE.match(text, start):
        return False  # "you will have several chances to see the interview": an opening announced, nothing delivered
    if _EXPECT.match(text, start) and _THIRD_PARTY_CLAUSE.search(before):
        return False  # "Markets expect the bank to raise rates soon": someone else's forecast
    head = promise.group().lower()
    lets = _LETS.match(head)
    if lets and not _LETS_MEET.match(text, start + lets.end()):
        return False
    if _TO_READER.search(text):
        return True
    if _OTHERS.search(text, start) or _PUBLICATION.search(text, 0, end + 60) or _CLOSED.search(text, start, end + 20):
        return False  # "a second report on the market will be released shortly": published, not owed to the reader
    need = _NEED.search(window)
    if need is not None:  # "I'll need to check with finance and circle back" still owes the reader
        reply = REPLY_OR_FIX.search(text, start + need.end())
        if reply is None or _TO_SOMEONE.match(text, reply.end()) or _RELATIVE_END.search(before):
            return False  # "…the changes that we will need to chase" describes the changes
    hedge = None
    for hedge in _HEDGED.finditer(text, start, end):
        pass
    hedge = _AFTER_HEDGE.match(text, end) or hedge or _HOPEFULLY.search(before) or _MODAL_BEFORE.search(before)
    if hedge is not None and not _DELIVERABLE.match(text, end if hedge.end() <= start else hedge.end()):  # "hopefully we'll| get there"
        return False
    if _NOTE_WILL.match(head) and _DELIVERABLE.match(text, _MODAL.search(text, start, end).end()):
        return True  # "Docs are signed, will send them over soon 👍": a note with the writer left out promises the step
    if _WRITER_HEAD.match(head) or _REASSURANCE_HEAD.match(head):
        return True  # "please do not worry, it will all be handled": the writer's reassurance stands for the promise
    clause_start = max(before.rfind(",") + 1, before.rfind(";") + 1)
    subject = before[clause_start:]
    relative = None
    for relative in _RELATIVE.finditer(subject):
        pass
    if relative is not None:
        subject = subject[relative.end():]
    if _THEIR.match(subject):
        return False  # "their surveyor will be in touch with the landlord"
    if _OUR_SIDE.search(subject) or (not subject.strip() and relative is None) or _PRONOUN_SUBJECT.match(subject) \
            or (relative is None and _NOTE_STYLE.match(subject)):
        return True
    modal = _MODAL.search(text, start, end + 5)
    if modal is not None and _HERE.match(text, modal.end()) and _GOODS.search(subject):
        return True  # "the quartz slabs should be here any day now": goods on their way to the reader
    return modal is None or _ON_ITS_WAY.match(text, modal.end()) is not None


_NOTE_WILL = re.compile(r"(?:[,.!?:;\u2014\u2013]|\s-)\s*(?:will|shall)\b", _I)
_HERE = re.compile(r"\s+(?:be\s+(?:here|there|on\s+site|in\s+stock|back\s+in\s+stock)|turn\s+up|show\s+up)\b", _I)
_GOODS = re.compile(
    r"\b(?:parts?|slabs?|boxes|orders?|goods|stock|samples?|deliver(?:y|ies)|shipments?|parcels?|packages?|materials?|units?|pallets?|cartons?|tiles|panels"
    r"|items|cards?|keys|spares?|replacements?|fabrics?|timber|lumber|components?|fittings?|supplies|consignments?|containers?|crates?)\s*$", _I)


def _promise_sentences(draft, *triggers):
    for sentence in draft.sentences_matching(*triggers):
        text = without_quotations(sentence.text)
        social = _SOCIAL.search(text)
        while social is not None:  # "We can see her at 10:40, and we'll look at a credit at some point": only that clause is social
            start, end = clause_around(text, social.start(), social.end())
            if not _PURPOSED.search(text, social.end()):  # "let's meet up sometime to discuss the lease" is work, "…and talk about next season" too
                text = text[:start] + " " * (end - start) + text[end:]
            social = _SOCIAL.search(text, end)
        yield sentence, text


@python_check("vague_promise")
def vague_promise(draft, rule):
    """A promise carrying a vague time word, with no concrete time in the same clause."""
    deadline = suggested_deadline(draft.context)
    for sentence, text in _promise_sentences(draft, VAGUE_TIME, CONTINGENT):
        vague, contingent = _vague_search(text), False
        if vague is None:
            vague = _contingent(text)
            contingent = vague is not None
        if vague is None or _waits_on_reader_input(draft, sentence, text, vague.start()):
            continue
        promise = _nearest_promise(text, vague.start())
        if promise is not None and promise.start() == vague.start():
            head, promise = promise, PROMISE.search(text, vague.end())  # "Let me have a think and I'll…": the promise follows
            later = None if promise is not None else _vague_search(text[vague.end():])
            if later is not None and head.group().lower().startswith("let"):  # "Let me mull it over and circle back when I can"
                promise, vague = head, _Shifted(later, vague.end())
        if promise is None and _NOT_LONG.match(vague.group()):
            if _EVENT_SUBJECT.search(text, clause_around(text, vague.start(), vague.end())[0], vague.start()):
                continue  # "the meeting shouldn't be long"
            promise = vague  # "— shouldn't be long now!": the reassurance is the promise
        if promise is None or (contingent and not _conditions(promise, vague, text)) or _PRESENCE.match(text, promise.end()):
            continue
        if _WISH.match(promise.group()) and not _OPEN_DEFERRAL.match(vague.group()):
            continue  # "I'd like to go over the payroll before the new year" sets a rough time; "I'd like to come out at some point" none
        if vague.start() < promise.start() and (_CONDITION_WORD.match(vague.group()) or (
                not _ASKS_FOR_TIME.match(vague.group()) and clause_around(text, vague.start(), vague.end())[1] <= promise.start())):
            # "Once it arrives, we'll send the design soon after": the promise's own vague words; "whether to run it
            # for one month or two, we'll decide later": the words of a clause before it are a topic, not its time
            later = _vague_search(text[promise.end():])
            if later is not None:
                vague, contingent = _Shifted(later, promise.end()), False
        if not is_commitment(text, promise):
            continue
        if _NOTIFY.search(text, promise.start(), promise.end() + 25) and _follows_vague_promise(draft, sentence):
            continue  # "…as soon as the factory has capacity. We will inform you again later.": one finding, the first
        if not owed_to_reader(text, min(promise.start(), vague.start())):
            continue
        if _NARRATION.match(text, promise.end()) and not _TO_READER.search(text):
            continue  # "In the next few weeks I'll be meeting each of the desk heads": the writer's own days
        if _broadcast(draft, text, promise.start(), contingent or _CONDITION_OPENS.match(vague.group()) is not None):
            continue  # "I'll keep the whole desk in the loop over the coming weeks"
        if _CALL.match(text, promise.end()) and _BACK.match(text, vague.start()) and not _TOPIC.search(text, promise.end()):
            continue  # "I'll give you a call when I get back from Dallas"
        if _OFFER.match(promise.group()) and _MAYBE_BEFORE.search(text, 0, promise.start()) and _WINDOW.match(vague.group()):
            continue  # "maybe we can chat early next week": a suggestion with a rough week ("perhaps … another time" still defers)
        if _OFFER.match(promise.group()) and _AWAITS_INPUT.match(vague.group() + text[vague.end():vague.end() + 40]):
            continue  # "We can look at it again once we have the log": an offer that waits on what the reader sends
        if _OFFER.match(promise.group()) and _IF_WANTED.search(text):
            continue  # "If you'd like, I can send the template sometime": an offer the reader takes up or not
        if _CALENDAR_INVITE.search(text, promise.start(), vague.start()) and (_MINUTES_AWAY.match(vague.group()) or has_concrete_time(text)):
            continue  # "I'll send the invite shortly", "the webinar is Tuesday 2pm, I'll forward the invite once they send it": the event is dated
        if _RESUMES_ON_INPUT.match(text, promise.end()) and _AWAITS_INPUT.match(vague.group() + text[vague.end():vague.end() + 40]):
            continue  # "Once we have the originals we'll carry on": work picks up on an input, nothing is delivered
        if _RETURN.match(vague.group() + text[vague.end():vague.end() + 12]) and _return_dated(draft):
            continue  # "I'm out until 3 June ... I'll reply when I'm back": the return has a date
        if _notify_on_outside_event(text, promise, vague):
            continue  # "I'll call you once they're on the way": the call comes with the event
        c_start, c_end = clause_around(text, vague.start(), vague.end())
        if has_concrete_time(_HABITUAL_DAY.sub(" ", text[c_start:vague.start()] + " " + text[vague.end():c_end])):
            continue  # the vague words themselves may hold a date-like part ("in a week or two")
        if _ROUGH_DATED.match(vague.group()) and not _SPARE_TIME.match(text, vague.start()) and SOME_TIME.search(text, c_start if _AT_EARLIEST.match(vague.group()) else vague.start(), c_end):
            continue  # "when I get back from Leeds next week": the condition has a rough date
        if vague.start() < promise.start():
            promised = text[promise.start():_promise_clause_end(text, promise)]
            if has_concrete_time(promised) or _WITHIN_THE.search(promised):
                continue  # "Once I have the text I can launch it within two days": the promise is dated
        if (contingent or _OWN_WORK.match(vague.group())) and _dated_neighbour(draft, sentence):
            continue  # "The switch is set for Tuesday 2 March. You'll get a text when it's done.": the event is dated
        if _OWN_WORK.match(vague.group()) and _follows_vague_promise(draft, sentence):
            continue  # "…should be with you soonish. I'll drop the link over when they're done.": one finding, the first
        if _dated_step_follows(draft, sentence):
            continue  # "…once the survey is complete. I'll send a revised programme by 9 March."
        appended = _DATE_APPENDED.match(text, c_end) or _DATED_RELATIVE.match(text, c_end)
        if appended is not None and has_concrete_time(text[appended.end():appended.end() + 30]):
            continue  # "I'll confirm the slot once the courier gives it to me, no later than 11 November"
        if any(has_concrete_time(p.group()) for p in _PARENTHESIS.finditer(text, vague.end())):
            continue  # "as soon as it is ready (probably Saturday)": the estimate is the date
        if _OTHERS_CONDITION.search(text, c_start, vague.start()) or (_ASKED_WHEN.search(text, 0, vague.start()) and _CONDITION_WORD.match(vague.group())):
            continue  # "if she decides to reapply at some point", "to determine if and when we can file"
        if (_READER_CLAUSE.match(text, c_start) and not _ASKS_FOR_TIME.match(vague.group())) or (promise.start() > vague.end() and _ENDS_CLAUSE.match(text, vague.end())
                                                    and not _ASKS_FOR_TIME.match(vague.group())):
            continue  # "please reply over the next few days", "this will be over soon and we will..."
        if promise.start() < vague.start() and _dated_clause_before(text, promise, vague):
            continue  # "I hope to get this resolved today so we can wrap it up early next week"
        if vague.start() < promise.start() and _ASKS_FOR_TIME.match(vague.group()):  # "give me a while and I'll revert": both parts
            start, end = vague.start(), len(text[:clause_around(text, promise.start(), promise.end())[1]].rstrip(" .!"))
            fixed = text[promise.start():end] + " " + deadline
        elif promise is vague:  # "— shouldn't be long now!", "it won't be long till you have them"
            start, end = vague.start(), len(text[:c_end].rstrip(" .!"))
            fixed = "should be with you " + deadline
        elif vague.start() < promise.start():  # "When the dust settles, we'll..." flag the condition
            start, end = vague.start(), c_end
            fixed = deadline[0].upper() + deadline[1:]
        else:
            start, end = _LEADING_PUNCTUATION.match(text, promise.start()).end(), vague.end()
            fixed = _dated_promise(text, start, promise, vague, c_end, deadline)
            more = _APPOSED_TIME.match(text, end)  # "as soon as possible, latest in some days"
            if more is not None and _vague_search(more.group()) is not None:
                end = more.end()
        status = _status_before(draft, sentence)  # "It's on the roadmap. We'll let you know when there's news.": one promise
        if status is not None:
            fixed = draft.text[status:sentence.start + start] + fixed
        yield Hit(sentence.start + start if status is None else status, sentence.start + end, values={"deadline": deadline}, replacements=(fixed,))


# The reader's own input sets the time of a next step hung on it: "I attach the questionnaire. Once we
# receive these, we will request the title"; "Once payment clears we'll book the delivery".
_PAYMENT_CLEARS = re.compile(
    r"once\s+(?:the\s+|your\s+|full\s+)?(?:payment|deposit|balance|funds|remittance|transfer)\s+(?:has\s+)?(?:clears?|cleared"
    r"|is\s+(?:received|in|cleared|through)|has\s+been\s+received|arrives?|arrived|lands?|comes\s+through|goes\s+through|reaches\s+us)\b", _I)
_RECEIPT_OF_ASKED = re.compile(
    r"once\s+(?:I|we)(?:'ve|\s+have)?\s+(?:receive[sd]?|get|got|have|had)\s+(?:back\s+)?(?:these|those|them|it|both"
    r"|all\s+(?:of\s+)?(?:these|those|them|three|the\s+above)|(?:the\s+|any\s+|all\s+(?:the\s+)?)?(?:comments|feedback|input|corrections|responses|replies|answers)\b"
    r"|the\s+(?:above|attached|enclosed|requested)\b|(?:it|them|these|those)\s+back\b)"
    # the answer or the payment asked for: "Is it for the tablets or the tills? Once I know, I'll book it"
    r"|once\s+(?:I|we)\s+(?:know|hear(?:\s+back)?)\s*[,.;]|once\s+(?:it|they|that)(?:'s|\s+is|'re|\s+are|\s+has|\s+have)\s+(?:been\s+)?(?:in|received|paid)\b", _I)
_ASKED_OF_READER = re.compile(
    r"\b(?:please|kindly|(?:could|can|would)\s+you|(?:I|we)\s+(?:attach|enclose)|attached|enclosed|(?:I|we)(?:'ll|\s+will)?\s+(?:need|require)|we'd\s+need"
    # the reader's own task or debt: "it should take you five minutes", "the instalment was due last week"
    r"|you(?:'ll|\s+will)?\s+(?:need|have)\s+to|(?:take|cost)\s+you|(?:is|was|are|were)\s+(?:now\s+)?(?:over)?due)\b|\?", _I)
_ASKED_WITHIN = 300  # characters back: a request, then perhaps the list of what it asks for


def _waits_on_reader_input(draft, sentence, text: str, pos: int) -> bool:
    """Is the condition at `pos` the reader's payment, or what the text just before asked the reader for?"""
    if _PAYMENT_CLEARS.match(text, pos):
        return True
    if not _RECEIPT_OF_ASKED.match(text, pos):
        return False
    return _ASKED_OF_READER.search(draft.text, max(0, sentence.start - _ASKED_WITHIN), sentence.start) is not None


# A status that stands for a promise ("it's on our radar", "it's on the roadmap"); undated_promise leaves it
# to the vague promise in the next sentence, whose finding starts here.
_STATUS = fast(
    r"\bon\s+(?:my|our)\s+(?:list|radar|to-?do\s+list)\b|\bin\s+the\s+queue\b"
    r"|\b(?:on|in)\s+(?:the|our|my)\s+(?:(?:product|development|dev|feature|engineering|tech|internal|team's)\s+)?(?:roadmap|backlog|wish\s*list)\b")


def _status_before(draft, sentence):
    """Where a status phrase starts in the sentence before, in the same paragraph, if there is one."""
    index = bisect.bisect_left(draft.sentence_starts, sentence.start) - 1
    if index < 0:
        return None
    before = draft.sentences[index]
    m = _STATUS.search(before.text)
    if m is None or before.text.rstrip().endswith("?") or "\n\n" in draft.text[before.end:sentence.start]:
        return None
    return before.start + m.start()


def _dated_promise(text: str, start: int, promise, vague, c_end: int, deadline: str) -> str:
    """The flagged promise with the date in place of its vague words, reading on into the words after the
    flag: "I'll get round to| the plans" -> "By Thursday, …, I'll get round to| the plans"; a condition the flag
    cuts short keeps its words after the date ("I'll sign them by Thursday, …, when I'm back| at my desk")."""
    promised = _STRANDED_BEFORE_VAGUE.sub("", text[start:vague.start()].rstrip())  # "a visit sometime| after the holidays"
    tautology = _TAUTOLOGY.match(vague.group())
    if tautology is not None and _ENDS_IN_MODAL.search(promised):  # "it will| arrive when it arrives" -> "it will arrive by …"
        promised = f"{promised} {tautology.group(1)}"
    if _BARE_PROMISE.fullmatch(promised):  # the vague words hold the verb: "I'll squeeze the review in between jobs"
        by = deadline[0].upper() + deadline[1:] if start == 0 else deadline
        own = promised if promised[:2] in ("I ", "I'") else promised[:1].lower() + promised[1:]
        return f"{by}, {own} {vague.group()}"
    if _CONDITION_OPENS.match(vague.group()) and _WORD_FOLLOWS.match(text, vague.end(), c_end):
        return f"{promised} {deadline}, {vague.group()}"
    if promised.lower().endswith(" as"):  # "issued as expeditiously| as circumstances permit"
        return promised[:-3] + " " + deadline
    if promised.lower().endswith(" by") and deadline.startswith("by "):  # "I'd like to drop by| sometime" -> "drop by on Thursday"
        return promised + " on " + deadline[3:]
    if promised.lower().endswith(" for") and deadline.startswith("by "):  # "we'll aim for sometime| in the spring"
        return promised + " " + deadline[3:]
    if (stranded := _ENDS_IN_PREPOSITION.search(vague.group())) and _WORD_FOLLOWS.match(text, vague.end(), c_end):
        return f"{promised} {deadline}, {stranded.group(1)}"  # "timely about| the schedule" -> "…, about| the schedule"
    return promised + " " + deadline


# The flag ends before its clause does ("when I get| a minute"), so the replacement must read on into it.
_WORD_FOLLOWS = re.compile(r"[ \t]+[\w']")
_TAUTOLOGY = re.compile(r"(.+?)\s+when\s+(?:it|they)\b", _I)
_ENDS_IN_MODAL = re.compile(r"(?:\bwill|'ll|\bshall)$", _I)
_STRANDED_BEFORE_VAGUE = re.compile(r"\s+(?:some\s?time|very|really|pretty|quite|fairly|super)$", _I)  # "ready very| soon"
_ENDS_IN_PREPOSITION = re.compile(r"\b(about|on|regarding|of|with|for|to)$", _I)
_BARE_PROMISE = re.compile(r"(?:I|we)(?:'ll|\s+will|\s+shall)", _I)
_CONDITION_OPENS = re.compile(r"(?:when(?:ever)?|once|after|as\s+soon\s+as|as\s+and\s+when|post|until|till)\b", _I)


# A holiday or season with no end to it: "sometime after Christmas".
_OPEN_PERIOD = (r"(?:christmas|xmas|easter|new\s+year|half[\s-]?term|diwali|eid|ramadan|thanksgiving|hanukkah|holidays|summer|winter|spring|autumn|fall"
                r"|(?:school|summer|easter|christmas)\s+holidays|bank\s+holiday|festive\s+(?:season|period)|busy\s+(?:season|period)|season\s+ends)\b")


# Where the writer will be, not what the reader will get: "I'll be in a little later", "I'm going to
# be out of the office over the next few weeks", "we'll go pick up the kids later".
_PRESENCE = re.compile(
    r"\s*(?:(?:(?:most\s+)?likely|probably|prob|also|just)\s+)?(?:be\s+(?:in(?!\s+(?:touch|contact|a\s+position))|out|away|off|around|home|late|on\s+(?:leave|holiday|vacation)|back(?!\s+(?:to|with|in\s+touch))"
    r"|leaving|going|heading|travell?ing|gone|mia|offline|unavailable|checking\s+(?:my\s+|in\s+on\s+)?(?:e-?mails?|voice-?mails?|messages|phone|inbox|blackberry))|leaving|heading\s+(?:out|off|home|over)|travell?ing"
    r"|go\s+(?:pick|get|grab|home|out)|head\s+(?:out|off|home)|leave\b(?!\s+(?:the|this|that|our|your)\s+(?:[\w-]+\s+){0,3}?decision)|pop\s+(?:out|in|by)"
    r"|know\s+(?:whether|if|which|what|how|more)|see\s+(?:whether|if|how)|see(?!\s+(?:to|about|what|you|that\s+(?:it|you|this|the))\b)|notice|witness|experience"
    r"|(?:soon\s+|shortly\s+)?(?:take\s+place|happen|occur|be\s+held|(?:all\s+)?be\s+over))\b",  # what the writer will learn is no deliverable
    _I)
# "soon after that", "soon after.": after what, however long (not "soon after 7am")
_OPEN_AFTER = r"\s+(?:that|this|then)\b|(?=\s*(?:[.!?;,]|$))"
_NOT_VAGUE_AFTER = re.compile(rf"\s+(?:works|suits|would\s+(?:work|suit|be\s+(?:better|easier|preferable|more\s+convenient))|is\s+(?:better|easier|preferable|more\s+convenient)|suits\s+you\s+better|after(?!\s+(?:the\s+)?{_OPEN_PERIOD}|{_OPEN_AFTER})|before|in\s+(?:early\s+|mid-?|late\s+)?{_MONTH}|this|today|tomorrow|on|by)\b", _I)


_NOTICE_BEFORE = re.compile(r"\b(?:update|inform|tell|notify|advise|contact|in\s+touch|back\s+to|hear\s+from)\s+(?:you\s+|us\s+|me\s+)?$", _I)
_AS_BEFORE = re.compile(r"\bas\s+$")
_YOU_NEAR = re.compile(r"\byou", _I)
_TIME_FOLLOWS = re.compile(r"\s+(?:after|next|during|around)\b", _I)  # "pencil it in for sometime after Easter": a time, not a duration
_LONG_BEFORE = re.compile(r"\s+(?:now\s+)?(?:before|until|till|to\s+(?:wait|walk|drive)|for\s+(?:a|the|this|that))\b", _I)  # "as soon as", however many spaces the mail client left
_TIME_AS_NOUN = re.compile(r"\b(?:have|has|had|take|takes|took|spend|spent|need|needs|schedule|set\s+aside|block\s+out|book|pencil\s+in|(?<!aim\s)(?<!shoot\s)for|been)\s+$", _I)  # "have some time"


def _dated_step_follows(draft, sentence) -> bool:
    """Does the next sentence give the reader a dated step of the writer's own?"""
    index = bisect.bisect_left(draft.sentence_starts, sentence.end)
    if index == len(draft.sentences):
        return False
    text = without_quotations(draft.sentences[index].text)
    return FIRST_PERSON_PROMISE.search(text) is not None and has_concrete_time(text)


_MINUTES_AWAY = re.compile(r"shortly|momentarily|in\s+a\s+(?:moment|sec|second|minute|mo|tick|jiffy)", _I)
_CALENDAR_INVITE = re.compile(r"\b(?:send|forward|share|pop)\s+(?:you\s+|over\s+)?(?:the|an?|our)\s+(?:calendar\s+|meeting\s+|teams\s+|zoom\s+)?(?:invite|invitation|hold|meeting\s+request|dial-?in|join(?:ing)?\s+link|call\s+link)\b", _I)
# an emoji too: "🙂 will def get it to you soon" (a capital after an emoji starts a sentence; a lower-case word does not)
_LEADING_PUNCTUATION = re.compile(r"[,.!?:;\s\u2014\u2013\u2600-\u27bf\U0001f300-\U0001faff-]*")
_PARENTHESIS = re.compile(r"\([^()\n]{1,60}\)")
_OTHERS_CONDITION = re.compile(
    r"\b(?:if|unless)\s+(?:(?:he|she|they|the\s+\w+|[A-Z][a-z]+)\s+(?!(?:can|could|will|would)\b)\w+|(?:I|we)\s+(?:don't|do\s+not|haven't|can't))", _I)
_APPOSED_TIME = re.compile(
    r",\s+(?:(?:at\s+the\s+)?(?:latest|hopefully|ideally|probably|maybe|or)\s+[^,.;!?]{1,30}|give\s+or\s+take|fingers\s+crossed|all\s+being\s+well)", _I)
_HEDGE_WORDS = ("all being well", "all going well", "fingers crossed", "give or take")
_OPEN_FUTURE = re.compile(r"going|moving|in\s+(?:the\s+)?future|from\s+now|henceforth", _I)
_IMPROVEMENT = re.compile(
    r"\b(?:better|improve\w*|tighten\w*|smoother|avoid\w*|(?:more|less)\s+(?:careful\w*|vigilant|proactive\w*|responsive|organi[sz]ed|consistent\w*|thorough\w*)"
    r"|(?:look|aim|try|seek|endeavou?r|strive|work)\s+(?:to|on|and)\b|speed\s+(?:things\s+)?up|streamline|step\s+up)", _I)
_NOT_A_TIME_AFTER = re.compile(r"\s+(?:than|be\b)", _I)  # "later than that", "where I can be reached"
# A pledge to be better with nothing to deliver ("I'll do better going forward") is the apology's empty promise, not a vague
# date. Narrower than apology_shapes.PLEDGE on purpose: "be more careful from now on" stays a vague commitment too.
_BARE_PLEDGE = re.compile(r"\b(?:do|be|get)\s+(?:a\s+lot\s+|much\s+)?better\b|\btry\s+(?:much\s+)?harder\b|\bmake\s+more\s+of\s+an\s+effort\b", _I)


# Work that picks up again when an input arrives delivers nothing by itself: "once we have the
# originals we'll carry on", "once the same are received we will resume the deployment".
_RESUMES_ON_INPUT = re.compile(r"\s*(?:then\s+)?(?:resume|carry\s+on|continue|proceed|go\s+ahead|restart|get\s+(?:going|started)|crack\s+on|pick\s+(?:it|this|things)\s+(?:back\s+)?up)\b", _I)
_AWAITS_INPUT = re.compile(r"(?:once|when|as\s+soon\s+as)\s+(?:(?:I|we)(?:'ve|\s+have)?\s+(?:have|receive|received|get|got)\b|[\w\s'-]{1,40}?\s+(?:is|are|has\s+been|have\s+been)\s+(?:received|in|here|back)\b)", _I)
# Back from leave, with the day of return given elsewhere in the draft ("out of the office until 3 June").
_RETURN = re.compile(r"(?:when|once|after)\s+(?:I|we)(?:'m|'re|\s+am|\s+are)?\s+(?:back|return)\b|after\s+(?:my|our)\s+(?:holiday|leave|break|trip|vacation|time\s+off|annual\s+leave|hols)\b", _I)
_RETURN_DATE = re.compile(r"\b(?:until|till|back\s+(?:in\s+the\s+office\s+)?on|return(?:ing)?\s+(?:to\s+the\s+office\s+)?on|away\s+until)\s+", _I)
# A date set after the condition: "…once the courier gives it to me, no later than 11 November", or in a
# relative clause on it: "…once I've seen the results, which the lab has promised for 17 March".
_DATED_RELATIVE = re.compile(r"\s*,\s*(?:which|that)\s+(?:[\w'-]+\s+){1,5}?(?:for|by|on)\s", _I)
_DATE_APPENDED = re.compile(r"\s*[,;(\u2014\u2013-]?\s*(?:and\s+|but\s+|or\s+)?(?:(?:in\s+any\s+(?:case|event)|either\s+way|regardless|whatever\s+happens|at\s+all\s+events)\s*,?\s*)?(?:(?:no|not)\s+later\s+than|by|before|on|latest(?:\s+by)?|at\s+the\s+(?:very\s+)?latest(?:\s+by|\s+on)?)\s", _I)
# Reassurance that restates the promise before it: "…when it calms down. Promise it's on my list!"
_REASSURANCE = re.compile(r"bear\s+with|on\s+(?:my|our)\s|rest\s+assured|in\s+the\s+queue|leave\s|watch\s+this|being\s|(?:I'm|I\s+am|we're|we\s+are)\s+on\s+it", _I)
_WEIGHED_WITH_OTHERS = re.compile(r"\s+(?:alongside|along\s+with|together\s+with|with\s+(?:all\s+)?(?:the\s+)?other)\b", _I)  # a consultation's responses


def _return_dated(draft) -> bool:
    for sentence in draft.sentences:
        m = _RETURN_DATE.search(sentence.text)
        if m is not None and has_concrete_time(sentence.text[m.end():m.end() + 30]):
            return True
    return False


_CONDITION_WORD = re.compile(r"(?:when|once|after|as\s+soon\s+as|whenever)\b", _I)
_AT_EARLIEST = re.compile(r"at\s+the\s+earliest|depending|(?:on|with)\s+(?:top\s+|high\s+)?priority", _I)
# Spare time is no date even inside a rough window: "when I get a moment this month".
_SPARE_TIME = re.compile(r"(?:when(?:ever)?|once|if)\s+(?:I|we)\s+(?:get|have|find|'ve\s+got)\s+(?:a\s+|some\s+)?(?:minute|moment|sec|second|chance|gap|breather|spare|free|time|bit\s+of\s+time)", _I)
_ROUGH_DATED = re.compile(_CONDITION_WORD.pattern + "|" + _AT_EARLIEST.pattern, _I)  # "rescheduled at the earliest next week"
_ASKED_WHEN = re.compile(r"\b(?:determine|decide|figure\s+out|find\s+out|ask|discuss|work\s+out|if\s+and)\s+$", _I)
_ASKS_FOR_TIME = re.compile(r"give|let|bear|allow", _I)  # "give me a while and I'll…" hangs the promise on the time asked for
_READER_CLAUSE = re.compile(r"\s*(?:please(?!\s+(?:(?:be|rest)\s+assured|be\s+(?:advised|informed)\b))|let\s+(?:me|us)\s+know|tell\s+(?:me|us))\b", _I)
_ENDS_CLAUSE = re.compile(r"\s*(?:;|\b(?:and|but|so)\b)", _I)


# A second verb the same promise goes on to ("I can finalise it and send it the same day"): no new subject.
_SAME_SUBJECT_VERB = re.compile(r"\s*and\s+(?:then\s+|also\s+)?(?!(?:I|we|you|he|she|they|it|the|this|that|there)\b)[a-z]+\b", _I)


def _promise_clause_end(text: str, promise) -> int:
    """Where the promise's clause ends, reading on through "and <verb> …" that shares its subject."""
    end = clause_around(text, promise.start(), promise.end())[1]
    more = _SAME_SUBJECT_VERB.match(text, end)
    if more is not None:
        after = _CLAUSE_BREAK.search(text, more.end())
        end = after.start() if after else len(text)
    return end


def _dated_clause_before(text: str, promise, vague) -> bool:
    """Is the promise dated in its own clause, with no other promise before the vague words?"""
    p_end = clause_around(text, promise.start(), promise.end())[1]
    if p_end > vague.start() or not has_concrete_time(text[promise.start():p_end]):
        return False
    return PROMISE.search(text, p_end, vague.start()) is None


def _follows_vague_promise(draft, sentence) -> bool:
    """Does the sentence before this one hold a promise with a vague time word?"""
    return _vague_promise_at(draft, sentence, -1)


def _vague_promise_at(draft, sentence, step: int) -> bool:
    """Does the sentence `step` away from this one hold a promise with a vague time word?"""
    index = bisect.bisect_left(draft.sentence_starts, sentence.start) + step
    if not 0 <= index < len(draft.sentences):
        return False
    text = without_quotations(draft.sentences[index].text)
    return _vague_search(text) is not None and PROMISE.search(text) is not None


def _vague_search(text: str):
    """The first vague time word, skipping "as soon as <event>", "Soon-yi", "shortly after 7am",
    "sometime in January" (a rough time is not a vague one). A hedge ("all being well") gives way to
    a time word later in the sentence."""
    hedge = None
    for m in VAGUE_TIME.finditer(text):
        word = m.group().lower()
        if word.startswith(("soon", "shortly", "some", "another")):
            after_that = _AFTER_THAT.match(text, m.end())
            if after_that is not None:  # "we'll send it soon after", "sometime after that": after what, however long
                return SPAN.match(text, m.start(), after_that.end())
            name = m.group()[0].isupper() and text[m.end():m.end() + 1] == "-" and text[m.end() + 1:m.end() + 2].isalpha() \
                and not text[m.end() + 1:m.end() + 4].lower() == "ish"  # "Soon-yi"
            name = name or text[m.end():m.end() + 4].lower() == "-to-"  # "the soon-to-open office"
            before = text[:m.start()].lower()
            time_as_noun = _TIME_AS_NOUN.search(before)
            if time_as_noun is not None and word.startswith(("soon", "shortly")) and time_as_noun.group().lower().startswith("schedule"):
                time_as_noun = None  # "we'll send the schedule shortly": the noun, not "schedule some time"
            if name or _AS_BEFORE.search(before) or _NOT_VAGUE_AFTER.match(text, m.end()) or (time_as_noun and not _TIME_FOLLOWS.match(text, m.end())):
                continue
        elif word.endswith(("long", "longer", "now")) and _LONG_BEFORE.match(text, m.end()) and not _YOU_NEAR.search(text[m.end():m.end() + 40]):
            continue  # "it won't be long before prices rise" predicts; it promises nothing
        elif word.endswith(("later", "can")) and _NOT_A_TIME_AFTER.match(text, m.end()):
            continue
        elif word.startswith("in time") and not _NOTICE_BEFORE.search(text, 0, m.start()):
            continue  # "the parts will be here in time" meets a deadline; "they'll update you in time" names none
        if _OPEN_FUTURE.match(word) and (not _IMPROVEMENT.search(text) or _BARE_PLEDGE.search(text)):
            continue  # "going forward, invoices go out on the 1st" is a policy, not a promise
        if word in _HEDGE_WORDS:
            hedge = hedge or m
            continue
        return m
    return hedge


_NOTIFY_VERB = (r"(?:(?:I|we)(?:'ll|\s+will|\s+shall)\s+(?:(?:call|ring|phone|text|e-?mail|ping|message|let|update|contact|tell|notify|alert|inform|advise)\s+you"
                r"|give\s+you\s+a\s+(?:shout|call|ring|bell|buzz|heads-?up)|confirm(?=\s+(?:by\s+|once|when|as\s+soon|the\s+m)))"
                r"|you(?:'ll|\s+will)\s+be\s+(?:notified|told|informed|contacted|advised|updated))"
                r"\s*(?:know\s*)?(?:(?:the|a|an|your|our)\s+(?:[\w'-]+\s+){1,3}?)?(?:by\s+(?:e-?mail|phone|text)\s*)?")  # "text you the tracking number once…"
_NOTIFY_ON_EVENT = re.compile(_NOTIFY_VERB + r"(?:once|when|as\s+soon\s+as|the\s+(?:minute|moment|second|instant))\b", _I)
_NOTIFY_AFTER_EVENT = re.compile(_NOTIFY_VERB, _I)  # "Once the statement is declared effective, we will contact you"
# The writer's own piece of work being finished is no outside event: "I'll ring you once it's done".
_OWN_WORK = re.compile(
    r"(?:when|once|whenever|as\s+soon\s+as)\s+(?:it's|it\s+is|it\s+has\s+been|this\s+has\s+been|that's|they're|they\s+are|they've\s+been"
    r"|everything's|it's\s+all|all\s+is)\s+(?:all\s+)?(?:done|finished|sorted|fixed|complete|completed|resolved|ready)\b", _I)


def _notify_on_outside_event(text: str, promise, vague) -> bool:
    """A notice promised for when something outside the writer's hands happens: it comes with the event."""
    if vague.start() > promise.start():
        notice = _NOTIFY_ON_EVENT.search(text, max(0, promise.start() - 9), vague.end())  # "you will be notified once…" starts before "will"
        if notice is None or notice.start() > promise.start():
            return False
    elif not (_CONDITION_WORD.match(vague.group()) and _NOTIFY_AFTER_EVENT.match(text, promise.start())):
        return False
    condition = text[vague.start():vague.end() + 12]
    if _OWN_WORK.match(condition) or _NO_EVENT.search(condition):
        return False
    return not _OWN_SIDE.search(condition)


# "When there's news" names no event: it is "whenever something happens", however long that takes.
_NO_EVENT = re.compile(r"\b(?:movement|news|progress|developments?|update|possible|practicable|feasible|convenient|(?:I|we)\s+can)\b", _I)
_APPROVAL = re.compile(r"\b(?:signed(?:\s+off)?|approved|agreed|confirmed|green-?lit)\b", _I)
_OWN_SIDE = re.compile(r"\b(?:our|my|internal(?:ly)?|we|I)\b", _I)
_RECEIPT = re.compile(r"\b(?:I|we)(?:'ve|\s+have)?\s+(?:receive|received|get|got|have|had)\b", _I)  # "once we receive the signed letter"


def _contingent(text: str):
    """A promise hung on an outside event with no date ("once legal has had a look")."""
    m = next((c for c in CONTINGENT.finditer(text) if c.group().split()[-1].lower() not in _NOT_A_CONDITION), None)
    if m is None:
        return None
    _, c_end = clause_around(text, m.start(), m.end())
    condition = text[m.start():c_end]
    if _APPROVAL.search(condition) and not _OWN_SIDE.search(_RECEIPT.sub("", condition)):
        return None  # "once the layout is signed off": the reader's sign-off sets the time, not the writer
    return None if has_concrete_time(condition) or SOME_TIME.search(condition) else m


# A weekday naming a kind of work, not a day: "we'll decide about the Saturday shifts later".
_HABITUAL_DAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)s?\s+(?=(?:shifts?|cover|rota|opening|hours|overtime|staffing|crews?|deliveries|collections|surcharges?|rates?|service|classes|sessions)\b)", _I)


# A turnaround counted from the condition: "Once I have dates, I'll confirm within the day".
_WITHIN_THE = re.compile(r"\b(?:within|inside)\s+the\s+(?:same\s+)?(?:day|hour|working\s+day|business\s+day)\b", _I)
_HOPE_YOU = re.compile(r"\b(?:hope|hoping|trust)\s+(?:that\s+)?you(?:'ll|\s+will|\s+can|\s+could)?\s+$", _I)


_JOINED = re.compile(r"(?:and|but|then)\s", _I)
_NOT_LONG = re.compile(r"(?:shouldn't|won't|should\s+not|will\s+not|wouldn't|not)\s+(?:(?:be|take)\s+(?:(?:too|very|that|so|much)\s+){0,2})?long", _I)
_EVENT_SUBJECT = re.compile(r"\b(?:meeting|call|wait|walk|drive|journey|trip|flight|queue|session|presentation|talk|speech|visit|delay|list|process|form|survey)s?\b", _I)


_AFTER_THAT = re.compile(rf"\s+after(?:wards)?(?:{_OPEN_AFTER})", _I)
SPAN = re.compile(r"[\s\S]+")  # a match object over a span already found


class _Shifted:
    """A match found in a slice of the text, with offsets in the whole text."""

    def __init__(self, m, offset: int):
        self._m, self._offset = m, offset

    def start(self):
        return self._m.start() + self._offset

    def end(self):
        return self._m.end() + self._offset

    def group(self):
        return self._m.group()


def _conditions(promise, condition, text: str) -> bool:
    """Does the condition hang on this first-person promise, not on another clause of the sentence?"""
    lo, hi = sorted((promise.start(), condition.start()))
    between = text[lo:hi]
    first_person = any(p.start() <= promise.start() + 2 and p.end() > promise.start() for p in _first_person(text)) \
        or (promise.start() < condition.start() and (_CAN_OFFER.match(promise.group()) is not None
                                                     or _PASSIVE_STEP.search(text, promise.start(), promise.end() + 25) is not None)) \
        or (_JOINED.match(promise.group()) is not None and _WRITER_HEAD.match(text) is not None)  # "We are ... and will write"
    return first_person and len(between) <= 80 and not re.search(r"[:;\u2014]", between)


# "We can confirm the rates once the lines publish their tariffs": the writer's step, as a capability (led by the
# step; "once we have everyone's comments, we can set up a meeting" plans the writer's own next move).
_CAN_OFFER = re.compile(r"(?:I|we)\s+(?:can|could)\s", _I)


# The writer's step in the passive, hung on an outside event: "installation will be scheduled once the shipment clears customs".
_PASSIVE_STEP = re.compile(r"\b(?:will|shall)\s+be\s+(?:scheduled|booked|arranged|confirmed|installed|processed|sent|shipped|dispatched|delivered|issued|fitted|activated|set\s+up|organi[sz]ed)\b", _I)


_NEW_CLAUSE = re.compile(r",\s*(?:and|but|so)\s*$", _I)


def _nearest_promise(text: str, pos: int):
    """The promise the word at `pos` belongs to: the earliest one before it with no ";", ":" or dash
    between (so "I'll get back to you when I can" starts at "I'll"), else the first one after it."""
    before = after = None
    for m in PROMISE.finditer(text):
        if _LET_KNOW.match(text, m.end()) and m.group().lower().startswith("let"):
            continue  # "let me know" asks the reader; it promises nothing
        if m.start() > pos:
            after = m
            break
        if before is None or re.search(r"[:;\u2014]", text[before.start():m.start()]) or _NEW_CLAUSE.search(text, before.end(), m.start()):
            before = m
    return before or after


@python_check("undated_promise")
def undated_promise(draft, rule):
    """A promise to reply or fix with no time at all in its sentence."""
    deadline = suggested_deadline(draft.context)
    for sentence, text in _promise_sentences(draft, REPLY_OR_FIX, PASSIVE_FIX):
        promise = _reply_or_fix(text)
        if promise is None or _vague_search(text) is not None:
            continue  # a vague word is vague_promise's finding
        if _dated_beyond_now(without_quotations(sentence.text), promise) or SOME_TIME.search(text) or _condition_on(text, promise) \
                or _BEFORE_EVENT.search(text, promise.end()):
            # the date may sit in a social clause: "See you Friday at 11:30; I'll have the cash bridge updated"
            continue
        if not owed_to_reader(text, promise.start()) or not is_commitment(text, promise):
            continue
        if _broadcast(draft, text, promise.start(), True):
            continue  # "Hi all, … We will keep you informed.": an announcement's notice
        if _comes_with_event(text):
            continue  # "I will let you know the minute it's back up"
        if _dated_neighbour(draft, sentence) or (_THAT_TIME.search(text) and _dated_neighbour(draft, sentence, event_set=False)):
            continue  # "The meeting moves to Monday, October 22. I will get back to you with the location."
        if _vague_promise_at(draft, sentence, +1):
            continue  # "The slow login is on my radar. I'll have a look when things calm down.": one finding, the second
        if (_NOTIFY.search(text, promise.end(), promise.end() + 20) or _REASSURANCE.match(promise.group())) and _follows_vague_promise(draft, sentence):
            continue  # "...should have something for you at some point. I'll keep you posted.": one finding, the first
        phrase = text[promise.start():].rstrip(" .!")
        if _STATUS.match(phrase) and _reply_follows(draft, sentence):
            continue  # "The docs are on my list. Leave it with me.": one finding, from the status to the promise
        # "it's on the roadmap by Thursday" misreads: a place on a plan gets its date in a clause of its own
        fixed = f"{phrase}, and we'll confirm a date for it {deadline}" if _STATUS.match(phrase) else f"{phrase} {deadline}"
        start = sentence.start + promise.start()
        status = _status_before(draft, sentence)
        if status is not None:
            fixed, start = draft.text[status:start] + fixed, status
        yield Hit(start, sentence.start + promise.start() + len(phrase), values={"deadline": deadline}, replacements=(fixed,))


_OTHER_CLAUSE = re.compile(r",\s*but\b|;|\u2014", _I)


# A step set before a named next event is timed by it: "we will correct the file before it goes to the broadcaster".
_BEFORE_EVENT = re.compile(r"\bbefore\s+(?:it|they|this|that|the\s+[\w-]+|we|you)\s+(?:goes|go|gets?|leaves?|ships?|prints?|heads?|reaches?|arrives?|is\s+(?:sent|printed|shipped|published|filed|submitted)|are\s+(?:sent|printed|shipped|published|filed|submitted))\b", _I)


def _condition_on(text: str, promise) -> bool:
    """Is there a "once …" condition the promise hangs on (not one in a later "but" clause)?"""
    for c in CONTINGENT.finditer(text):
        if c.start() < promise.start() or not _OTHER_CLAUSE.search(text, promise.end(), c.start()):
            return True
    return False


def _reply_follows(draft, sentence) -> bool:
    """Does the next sentence, in the same paragraph, hold a reply or fix promise?"""
    index = bisect.bisect_left(draft.sentence_starts, sentence.end)
    if index == len(draft.sentences):
        return False
    after = draft.sentences[index]
    return "\n\n" not in draft.text[sentence.end:after.start] and _reply_or_fix(without_quotations(after.text)) is not None


def _comes_with_event(text: str) -> bool:
    """A notice promised for the moment an outside event happens: "I will let you know the minute it's back up"."""
    m = _NOTIFY_ON_EVENT.search(text)
    if m is None:
        return False
    condition = text[m.end() - 12:m.end() + 40]
    return not _OWN_WORK.search(condition) and not _OWN_SIDE.search(text, m.end(), m.end() + 40)


def _dated_neighbour(draft, sentence, event_set: bool = True) -> bool:
    """Does the sentence before, in the same paragraph, give the date the reply is for: a calendar date
    (and, with `event_set`, a word saying an event is set for it)?"""
    index = bisect.bisect_left(draft.sentence_starts, sentence.start) - 1
    if index < 0:
        return False
    before = draft.sentences[index]
    text = without_quotations(before.text)
    return "\n\n" not in draft.text[before.end:sentence.start] and _CALENDAR_DATE.search(text) is not None \
        and (not event_set or _SCHEDULED.search(text) is not None)


# A day on the calendar (not "now" or "today") for an event that is set: the reply is for that event.
_CALENDAR_DATE = fast(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    rf"|\b{_MONTH}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b|\b\d{{1,2}}/\d{{1,2}}\b")
_SCHEDULED = re.compile(r"\b(?:moved|moves|moving|changed|rescheduled|scheduled|booked|set\s+for|planned|confirmed|will\s+(?:be|take)|takes\s+place|is\s+on|due|(?:getting|being)\s+(?:done|fixed|finished|fitted|installed|replaced|repaired)"
                        r"|(?:visits?|arrives?|starts?|begins?|finishes|ends|lands?|returns?|comes?|goes\s+live)\s+(?:on|this|next)\b)", _I)


# A time that points back to one just named: "Please finish it by Friday 12 December. We will follow up
# with anyone who hasn't by then."
_THAT_TIME = re.compile(r"\b(?:by|until|till|after|on|before)\s+(?:then|that\s+(?:day|date|point|time|deadline))\b|\bafter\s+the\s+deadline\b", _I)

_WILL = re.compile(r"\b(?:will|shall)\b", _I)
_LET_KNOW = re.compile(r"\s+know\b", _I)
_IF = re.compile(r"\s+if\b", _I)
_YOU = re.compile(r"you\b", _I)


def _first_person(text: str, endpos: int | None = None):
    """First-person promises, minus "let me know" (a request) and "will you" (a question)."""
    for p in FIRST_PERSON_PROMISE.finditer(text, 0, len(text) if endpos is None else endpos):
        if (p.group().lower().startswith("let") and _LET_KNOW.match(text, p.end())) or \
                (p.group().rstrip().lower().endswith(("will", "shall")) and _YOU.match(text, p.end())):
            continue
        yield p


# "a follow-up letter", "get back on track", "on my list of people to call", "if it is being handled"
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|any|our|my|your|their)\s+$", _I)
_BACK_ELSEWHERE = re.compile(r"\s+(?:on|into|in|up|together|home|to\s+(?:normal|work|basics|where|the\s+(?:office|drawing|grind)))\b", _I)
_LIST_OF = re.compile(r"\s+(?:screen\s+)?(?:of|for)\b(?!\s+(?:things|items|jobs|tasks|stuff|changes|fixes|features)\s+(?:to|we)\b)", _I)  # "our list of things to fix" is a to-do list
_STATUS_SUBJECT = re.compile(
    r"(?:\bit|\bthis|\bthat|\bthey|\bthese|\byour\s+[\w-]+(?:\s+[\w-]+)?)(?:'s|'re|\s+is|\s+are)\s+(?:now\s+|currently\s+|already\s+)?$", _I)
_ASKING = re.compile(r"\b(?:if|whether|how|what|why)\b", _I)


# What follows from a step, not a thing sent: "turn it down to 20 and the bills will follow".
_CONSEQUENCE = re.compile(r"\b(?:bills?|savings|results|benefits|sales|success|growth|money|profits?|returns|improvements?|gains|trust|respect|reviews|business|referrals|customers|clients)\s+$", _I)


def _not_a_reply(text: str, r) -> bool:
    word = r.group().lower()
    if word.startswith("will follow") and _CONSEQUENCE.search(text, 0, r.start()):
        return True
    if word.startswith("let you know") and _IF.match(text, r.end()):
        return True
    if word.startswith(("a ", "an ", "the ")) and _CONDITIONAL.search(text, 0, r.start()):
        return True  # "if it fails again, a replacement will be arranged": a remedy for what may happen
    if word.startswith(("follow", "fix", "chase", "revisit", "update")) and _ARTICLE_BEFORE.search(text, 0, r.start()):
        return True
    if word.startswith("bear with") and _HOPE_YOU.search(text, 0, r.start()):
        return True  # "I hope you can bear with me": patience asked for the writer, not for a deliverable
    if word.startswith("get back") and _BACK_ELSEWHERE.match(text, r.end()):
        return True
    if word.startswith("on ") and _LIST_OF.match(text, r.end()):
        return True
    if word.startswith(("on ", "in ")) and text.rstrip().endswith("?"):
        return True  # "Is the export button on the roadmap?" asks; it promises nothing
    if word.startswith("being "):
        return text.rstrip().endswith("?") or not _STATUS_SUBJECT.search(text, 0, r.start()) \
            or _ASKING.search(text, 0, r.start()) is not None
    return False


# The present for the future, as non-native writers use it: "…, and I circle back with you on these".
_PRESENT_HEAD = re.compile(r"(?:^|[,;:]\s*|\b(?:and|so|then)\s+)(?:I|we)\s+(?:then\s+|also\s+)?$", _I)
_PRESENT_REPLY = re.compile(r"(?:circle|loop|get|come)\s+back\s+(?:to|with)\s+you\b|revert\s+(?:to|with)\s+you\b|follow\s+up\s+with\s+you\b", _I)


# The fault the reader reported, fixed in the passive: "…in the last release, and it will be fixed".
_FAULT_SUBJECT = re.compile(r"(?:^|[,;]\s*|\band\s+)(?:it|this|that|the\s+(?:error|bug|problem|issue|fault|mistake|glitch|typo|discrepancy))\s+$", _I)


_FIXED_NOUN = re.compile(r"[\s-]+(?:price|rate|fee|term|cost|income|assets?|date|amount|sum|length|width)\b", _I)  # "it will be fixed price"


# Someone else's "will" inside a time clause: "before the carrier will add it", "until the bank will release it".
_OTHERS_WILL = re.compile(r"\b(?:before|until|till|unless|so\s+that)\s+(?:the|their|his|her|its|a|an)\s+[\w-]+(?:\s+[\w-]+)?\s+$", _I)


def _reply_or_fix(text: str):
    """The promise a reply/fix phrase belongs to: from "I'll"/"let me" when a bare verb needs one."""
    m = next((r for r in REPLY_OR_FIX.finditer(text) if not _not_a_reply(text, r)), None)
    if m is None:
        fix = PASSIVE_FIX.search(text)
        return fix if fix and (_READER.search(text) or (_FAULT_SUBJECT.search(text, 0, fix.start()) and not _CONDITIONAL.search(text, 0, fix.start())
                                                        and not _FIXED_NOUN.match(text, fix.end()))) and not _WEIGHED_WITH_OTHERS.match(text, fix.end()) else None
    if not _NEEDS_PROMISE.match(m.group()):
        return m
    promise = None
    for p in _first_person(text, m.start() + 1):
        promise = p
    if promise is None and _PRESENT_HEAD.search(text, 0, m.start()) and _PRESENT_REPLY.match(text, m.start()):
        return m
    if promise is None:  # "the committee will review it and get back to you": owed_to_reader judges the subject
        promise = next((w for w in _WILL.finditer(text, 0, m.start() + 1)), None)
        if promise is not None and _OTHERS_WILL.search(text, 0, promise.start()):
            return None  # "I need the VIN before the carrier will add it to the policy": the carrier's step, not a promise
    if promise is None:
        return None
    between = text[promise.end():m.start()]
    # "I will be arriving late, and I wanted to let you know": the verb belongs to another subject
    return promise if len(between) <= 60 and not _SUBJECT.search(between) else None
