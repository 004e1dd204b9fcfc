# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Phone numbers as the customer search reads them: E.164 digits.

A number is stored for search as the digits of its E.164 form (the
international number without "+"), read with the agency's country when it
has no country code: "06 12 34 56 78", "+33 6 12 34 56 78" and
"0033 612345678" are all "33612345678" for a French agency. A number that
cannot be read (too short, no country to read it with) keeps its digits.
A typed fragment becomes the digit strings it may be part of.
"""
import re

import phonenumbers

# A number is at least this long, so is a phone fragment worth searching.
MIN_PHONE_DIGITS = 3


def only_digits(text):
    return re.sub(r"\D", "", text or "")


def _metadata(region):
    return region and phonenumbers.PhoneMetadata.metadata_for_region(region.upper())


def phone_search_key(number, region=None):
    """The E.164 digits of ``number`` read in ``region`` (a country code such
    as "FR", or None), or its digits when it cannot be read."""
    digits = only_digits(number)
    if not digits:
        return ""
    text = number.strip()
    if not region and digits.startswith("00") and not text.startswith("+"):
        text = "+" + digits[2:]  # international prefix of most countries
    try:
        parsed = phonenumbers.parse(text, region.upper() if region else None)
    except phonenumbers.NumberParseException:
        return digits
    if not phonenumbers.is_possible_number(parsed):
        return digits
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)[1:]


def phone_search_keys(numbers, region=None):
    """The stored search column: the keys of the numbers, space-separated."""
    keys = [phone_search_key(number, region) for number in numbers if number]
    return " ".join(key for key in keys if key) or False


def phone_fragment_keys(text, region=None):
    """The digit strings a typed phone fragment may be part of, in stored
    keys: its digits, and without the national or international prefix the
    country code that replaces it ("06 12" in France: "0612" and "33612")."""
    digits = only_digits(text)
    keys = [digits]
    metadata = _metadata(region)
    if not text.strip().startswith("+"):
        if metadata and metadata.international_prefix and \
                metadata.international_prefix.isdigit() and \
                digits.startswith(metadata.international_prefix):
            keys.append(digits[len(metadata.international_prefix):])
        elif not metadata and digits.startswith("00"):
            keys.append(digits[2:])
        elif metadata and metadata.national_prefix and digits.startswith(metadata.national_prefix):
            keys.append("%d%s" % (metadata.country_code, digits[len(metadata.national_prefix):]))
    # "+3" is already a country code: one digit is worth searching.
    shortest = 1 if text.strip().startswith("+") else MIN_PHONE_DIGITS
    return [key for index, key in enumerate(keys)
            if len(key) >= shortest and key not in keys[:index]]
