"""Small rule packs the tests write to disk, so team, CLI and API tests pin behaviour without moving
with the built-in library."""

ACME_PACK = """\
rules:
  - id: acme.no-asap
    category: vague-commitment
    message: "“{match}” sets no date."
    phrases: ["ASAP"]
    replacements: ["by Friday 5pm ET"]
    examples:
      flag: ["I'll send it ASAP."]
      pass: ["I'll send it by Friday."]
"""
# A second rule to append to ACME_PACK (a team's own category, inflected phrases).
CIRCLE_BACK_RULE = """\
  - id: acme.circle-back
    category: acme-style
    message: "Say when you will come back to it."
    phrases: ["circle back"]
    inflect: true
    examples:
      flag: ["We circled back on pricing."]
      pass: ["We will reply on Monday."]
"""
# The accusatory rule as the LanguageTool tests need it: a capture group in the replacement.
WHY_DIDNT_YOU_RULE = r"""
  - id: accusatory.why-didnt-you
    category: accusatory-question
    severity: warning
    message: "“Why didn't you …?” reads as an accusation."
    explanation: A "why didn't you" question asks the reader to defend themselves. Ask for what you need.
    pattern: '\bwhy\s+didn''t\s+you\s+([^?\n]{1,80}?)\s*\?'
    when: {question: true}
    replacements: ["Could you {1}?"]
    examples: {flag: ["Why didn't you send the deck?"], pass: ["Could you send the deck?"]}"""
