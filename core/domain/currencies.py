"""ISO 4217 currency codes a program may use: the active national and regional currencies.

Fund codes, precious metals, bond units and the testing / no-currency codes (XTS, XXX) are left
out: money of a loyalty program is always spent in a real currency.
"""

from __future__ import annotations

ISO_4217_CODES = frozenset("""
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW
KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN
NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK
SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU
UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL
""".split())


def is_currency_code(code: str) -> bool:
    return code in ISO_4217_CODES


_MINOR_UNIT_DIGITS = {**dict.fromkeys("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF".split(), 0),
                      **dict.fromkeys("BHD IQD JOD KWD LYD OMR TND".split(), 3)}


def minor_unit_digits(code: str) -> int:
    """Decimal digits of the currency's minor unit (ISO 4217: 2 unless listed)."""
    return _MINOR_UNIT_DIGITS.get(code, 2)
