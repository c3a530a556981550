// One-click drafts, one per situation Tact was built for. Zones left out keep what the page has.

export const SAMPLES = [
  {
    id: "timezone",
    label: "2pm Central mix-up",
    draft: "Great, I'll send an invite for Tuesday at 2pm.",
    quoted: "On Mon, Dana Whitfield wrote:\n> Could we talk at 2pm Central on Tuesday?",
    senderZone: "America/Los_Angeles",
    recipientZone: "America/Chicago",
  },
  {
    id: "accusatory",
    label: "Purpose of this call",
    draft: "Hi Sam,\n\nCan you clarify the purpose of this call? I typically know the people I meet with.\n\nThanks,\nAlex",
    quoted: "On Tue, Sam Ortiz wrote:\n> I've put 30 minutes in your calendar for Thursday to walk through the renewal.",
  },
  {
    id: "condescension",
    label: "Condescending follow-up",
    draft: "Hi Priya,\n\nAs I already explained, per my last email, the export only runs on weekdays.\n\nBest,\nAlex",
    quoted: "On Wed, Priya Raman wrote:\n> The export didn't run on Saturday. Can you look into it?",
  },
  {
    id: "blame",
    label: "Blame-shifting apology",
    draft: "Hi Jordan,\n\nSorry, but you never told me the deadline. I'll start on it today.\n\nAlex",
    quoted: "On Thu, Jordan Lee wrote:\n> We needed the draft yesterday. Where is it?",
  },
  {
    id: "vague",
    label: "Vague promise",
    draft: "Hi Morgan,\n\nThanks for flagging the invoice error. I'll get back to you soon.\n\nAlex",
    quoted: "On Fri, Morgan Chen wrote:\n> Invoice 2231 charges us twice for May. When will it be corrected?",
  },
];
