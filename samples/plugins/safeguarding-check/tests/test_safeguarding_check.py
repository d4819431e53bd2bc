"""What the check finds, and what it must leave alone."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import safeguarding_check as sc  # noqa: E402
import sdiag  # noqa: E402


def kinds(text):
    return sorted({what.split(" (")[0] for what, _ in sc.found_in(text)})


def request(texts, redact=False):
    return {"api": sdiag.API, "kind": "analysis", "plugin": "safeguarding-check", "options": {"redact": redact},
            "diagnostic": {"schema": "sdiag/1",
                           "notes": [{"id": f"n{i}", "text": t, "source": {"file": "board.json"}}
                                     for i, t in enumerate(texts)]}}


class Finds(unittest.TestCase):
    def test_nhs_number_only_with_a_right_check_digit(self):
        self.assertEqual(kinds("NHS no 943 476 5919 on the referral"), ["an NHS number"])
        self.assertEqual(kinds("NHS no 943 476 5918 on the referral"), [])  # check digit wrong
        self.assertEqual(kinds("we had 1234567890 contacts"), [])

    def test_case_numbers_dates_of_birth_and_names(self):
        self.assertEqual(kinds("see case no. 48213 for an example"), ["a case or reference number"])
        self.assertEqual(kinds("CIN-204511 was stepped down twice"), ["a case or reference number"])
        self.assertEqual(kinds("DOB 12/03/2015 recorded wrongly"), ["a date of birth"])
        self.assertEqual(kinds("the child called Jayden waited 9 months"), ["a child's name"])
        self.assertEqual(kinds("Kayla (aged 7) was placed out of area"), ["a child's name"])

    def test_ordinary_service_language_is_left_alone(self):
        for text in ["Child Protection plans are reported late", "the child's journey is not visible",
                     "Children in Need census takes 3 weeks", "reports due 2024-03-31", "Q3 2023/24 returns",
                     "Mosaic upgrade in 2025", "Board meets monthly"]:
            self.assertEqual(kinds(text), [], text)


class Analysis(unittest.TestCase):
    def test_findings_name_the_note_and_never_the_number(self):
        response = sdiag.answer(request(["fine", "NHS 9434765919"]), analysis=sc.analyse)
        [finding] = response["findings"]
        self.assertEqual(finding["location"], "n1")
        self.assertEqual(finding["source"], "board.json")
        self.assertNotIn("9434765919", finding["message"])
        self.assertEqual(response["diagnostic"]["notes"][1]["text"], "NHS 9434765919")  # reported, not changed

    def test_redact_replaces_what_was_found(self):
        response = sdiag.answer(request(["the boy named Tyler, DOB 01/02/2016"], redact=True), analysis=sc.analyse)
        text = response["diagnostic"]["notes"][0]["text"]
        self.assertNotIn("Tyler", text)
        self.assertNotIn("01/02", text)
        self.assertIn("[redacted]", text)
        self.assertEqual(response["findings"][0]["severity"], "info")


if __name__ == "__main__":
    unittest.main()
