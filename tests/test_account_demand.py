"""accusatory.account-demand: a question that makes the reader account for a failure, by shape
(a demand for an account + a failure aimed at the reader's side, or a rhetorical form)."""
import pytest

from tact.checks.account_demand import demands_account


@pytest.mark.parametrize("question", [
    "May I know why the pallet labels were changed without telling our warehouse?",
    "Can you explain me why the quote has only two rooms when your own brochure lists five?",
    "Could you please explain why the minutes were not circulated as agreed?",
    "Why was the boiler not serviced before the tenants moved in?",
    "Why wasn't the client told about the price change?",
    "Is there a particular reason your office cannot confirm a booking on the same day, as every other agent does?",
    "Why are we only hearing about the shortfall now, after you signed off the budget?",
    "What exactly was your night shift doing while the freezer alarm rang?",
    "What exactly were you expecting when the spec clearly said 240 volts?",
    "What's the point of a checklist if nobody at your site ticks it?",
    "Was it really that difficult to pick up the phone?",
    "How many more times does the access code need to be sent before someone uses it?",
    "Who, in your view, is supposed to pay for the second crane day?",
    "Did anybody at your agency proofread the brochure before it went to print?",
    "On what basis did you decide to cancel the tasting?",
    "How hard is it to check the tide table before you send the barge?",
])
def test_accounts_demanded_of_the_reader(question):
    assert demands_account(question)


@pytest.mark.parametrize("question", [
    "Why does the statement show the March payment twice?",
    "Why don't we push the walkthrough to Monday?",
    "Why not ask the venue for a later slot?",
    "Could you explain how the discount is calculated?",
    "May I know when your team is free next week?",
    "Is there a reason to choose the larger tank, or is it just capacity?",
    "Why did the pump stop again overnight? Our technician is on the way.",
    "How many times should the alarm repeat before it escalates?",
    "What are you doing for the long weekend?",
    "Can you tell me why the price of steel has gone up so much this year?",
    "Why isn't the new pricing live yet on our own site? I'll chase our web team.",
])
def test_questions_about_things_and_suggestions_pass(question):
    assert not demands_account(question)
