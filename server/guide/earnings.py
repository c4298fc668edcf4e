"""The earnings-gap calculator: what staying on the support track costs over a career.

For t = 1..N (r, r_s as fractions):
    normal_t = S * (1+r)^t
    track_t  = S * (1+r_s)^min(t,T) * (1+r)^max(0,t-T)
    pay gap        = sum of (normal_t - track_t)
    allowance gap  = A * (number of years t with allowance_from <= t <= N)
    retirement gap = M * (normal_N - track_N) / 12
    total          = the three added
Everything is computed in floats (as the PWA does in JavaScript, on the same vectors in
content/earnings_cases.json) and rounded to the nearest yen, half away from zero, only at
output; totals are sums of unrounded values.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# The calculator's domain, shared with the API's query serializer.
MAX_SALARY = 100_000_000
MIN_RAISE_PCT = -10
MAX_RAISE_PCT = 20
MAX_YEARS = 45
MAX_ALLOWANCE = 10_000_000
MAX_RETIREMENT_MONTHS = 60


@dataclass(frozen=True)
class Year:
    year: int
    normal: float
    track: float
    gap: float
    cumulative: float  # pay gap up to and including this year


@dataclass(frozen=True)
class EarningsGap:
    years: tuple[Year, ...]
    pay_gap: float
    allowance_gap: float
    retirement_gap: float
    total_gap: float

    def rounded(self) -> dict:
        """The result as the API and the shared vectors give it: whole yen."""
        return {
            "years": [
                {
                    "year": y.year,
                    "normal": round_yen(y.normal),
                    "track": round_yen(y.track),
                    "gap": round_yen(y.gap),
                    "cumulative": round_yen(y.cumulative),
                }
                for y in self.years
            ],
            "pay_gap": round_yen(self.pay_gap),
            "allowance_gap": round_yen(self.allowance_gap),
            "retirement_gap": round_yen(self.retirement_gap),
            "total_gap": round_yen(self.total_gap),
        }


def round_yen(amount: float) -> int:
    """To the nearest yen, half away from zero (Decimal holds the float exactly)."""
    return int(Decimal(amount).to_integral_value(rounding=ROUND_HALF_UP))


def earnings_gap(
    *,
    salary: float,
    raise_pct: float,
    track_raise_pct: float,
    years: int,
    track_years: int,
    allowance: float = 0,
    allowance_from: int = 1,
    retirement_months: float = 0,
) -> EarningsGap:
    """The gap between a normal career and `track_years` on the track, over `years` years."""
    if not 1 <= years:
        raise ValueError("years must be at least 1")
    if not 0 <= track_years <= years:
        raise ValueError("track_years must be between 0 and years")
    if not 1 <= allowance_from <= years:
        raise ValueError("allowance_from must be between 1 and years")
    if retirement_months < 0:
        raise ValueError("retirement_months cannot be negative")
    growth = 1 + float(raise_pct) / 100
    track_growth = 1 + float(track_raise_pct) / 100
    salary = float(salary)

    rows: list[Year] = []
    pay_gap = 0.0
    normal = track = salary
    for t in range(1, years + 1):
        normal = salary * growth**t
        track = salary * track_growth ** min(t, track_years) * growth ** max(0, t - track_years)
        pay_gap += normal - track
        rows.append(Year(t, normal, track, normal - track, pay_gap))
    allowance_gap = float(allowance) * (years - allowance_from + 1)
    retirement_gap = float(retirement_months) * (normal - track) / 12
    return EarningsGap(
        years=tuple(rows),
        pay_gap=pay_gap,
        allowance_gap=allowance_gap,
        retirement_gap=retirement_gap,
        total_gap=pay_gap + allowance_gap + retirement_gap,
    )
