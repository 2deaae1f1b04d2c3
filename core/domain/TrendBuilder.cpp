#include "TrendBuilder.h"

#include "ResultsParser.h"
#include "TrendUnits.h"

#include <algorithm>

namespace hearth::trend {

using namespace Qt::StringLiterals;

namespace {

bool hasCode(const QList<ResultCoding> &codes, const QString &system, QLatin1StringView code)
{
    return std::any_of(codes.begin(), codes.end(),
                       [&](const ResultCoding &c) { return c.system == system && c.code == code; });
}

// The key two results share when their units can be compared: the UCUM code, else the unit text.
QString unitKey(const ResultValue &v)
{
    return v.unitCode.isEmpty() ? v.unit : v.unitCode;
}

QString rangeKey(const ResultRange &r)
{
    return r.unitCode.isEmpty() ? r.unit : r.unitCode;
}

// Sort key: the instant when a time was given, else the start of the day (UTC); no time zone
// arithmetic per comparison.
qint64 sortKey(const FhirDateTime &d)
{
    return d.msecs;
}

std::optional<ResultRange> convertedRange(const ResultRange &r, const QString &targetKey)
{
    if (r.isEmpty() || (!r.low && !r.high))
        return r.isEmpty() ? std::nullopt : std::optional(r);   // text-only ranges cannot be drawn but are kept
    const QString key = rangeKey(r);
    const auto factor = key.isEmpty() ? std::optional(1.0) : conversionFactor(key, targetKey);
    if (!factor)
        return std::nullopt;
    ResultRange out = r;
    if (out.low)
        *out.low *= *factor;
    if (out.high)
        *out.high *= *factor;
    return out;
}

struct Numeric {
    const ObservationResult *obs = nullptr;
    ResultValue value;              // systolic for blood pressure
    std::optional<ResultValue> value2;
    ResultRange range;
    ResultRange range2;
};

std::optional<Numeric> numericOf(const ObservationResult &o, bool bloodPressure)
{
    Numeric n;
    n.obs = &o;
    if (!bloodPressure) {
        if (!o.value.number)
            return std::nullopt;
        n.value = o.value;
        n.range = o.range;
        return n;
    }
    const ResultComponent *sys = nullptr;
    const ResultComponent *dia = nullptr;
    for (const ResultComponent &c : o.components) {
        if (isSystolic(c.codes))
            sys = &c;
        else if (isDiastolic(c.codes))
            dia = &c;
    }
    if (!sys || !sys->value.number)
        return std::nullopt;
    n.value = sys->value;
    n.range = sys->range;
    if (dia && dia->value.number) {
        n.value2 = dia->value;
        n.range2 = dia->range;
    }
    return n;
}

} // namespace

bool isBloodPressure(const QList<ResultCoding> &codes)
{
    return hasCode(codes, results::kLoinc, "85354-9"_L1) || hasCode(codes, results::kSnomed, "75367002"_L1);
}

bool isSystolic(const QList<ResultCoding> &codes)
{
    return hasCode(codes, results::kLoinc, "8480-6"_L1) || hasCode(codes, results::kSnomed, "271649006"_L1);
}

bool isDiastolic(const QList<ResultCoding> &codes)
{
    return hasCode(codes, results::kLoinc, "8462-4"_L1) || hasCode(codes, results::kSnomed, "271650006"_L1);
}

QList<ResultCoding> seriesCodes(const QList<ResultCoding> &codes)
{
    QList<ResultCoding> out;
    for (const ResultCoding &c : codes) {
        if (c.system == results::kLoinc || c.system == results::kSnomed)
            out << c;
    }
    return out.isEmpty() ? codes : out;
}

TrendSeries buildSeries(const QList<ObservationResult> &observations)
{
    TrendSeries s;
    if (observations.isEmpty())
        return s;

    // Newest first, so the newest result names the series and sets its unit and range.
    QList<const ObservationResult *> order;
    order.reserve(observations.size());
    for (const ObservationResult &o : observations) {
        if (o.status != "cancelled"_L1 && o.status != "entered-in-error"_L1)
            order << &o;
    }
    std::stable_sort(order.begin(), order.end(), [](const ObservationResult *a, const ObservationResult *b) {
        return sortKey(a->effective) > sortKey(b->effective);
    });
    for (const ObservationResult *o : std::as_const(order)) {
        s.bloodPressure = s.bloodPressure || isBloodPressure(o->codes);
        for (const ResultCoding &c : seriesCodes(o->codes)) {
            if (!s.codes.contains(c))
                s.codes << c;
        }
    }
    if (!order.isEmpty())
        s.name = order.first()->name;

    QString target;
    bool haveRange = false;
    bool haveRange2 = false;
    QList<TrendPoint> points;
    points.reserve(order.size());
    for (const ObservationResult *o : std::as_const(order)) {
        const std::optional<Numeric> n = numericOf(*o, s.bloodPressure);
        if (!n) {
            auto it = std::find_if(s.separate.begin(), s.separate.end(), [](const TrendSeparateGroup &g) {
                return g.reason == TrendSeparateGroup::Reason::NotANumber;
            });
            if (it == s.separate.end())
                s.separate << TrendSeparateGroup{TrendSeparateGroup::Reason::NotANumber, {}, 1};
            else
                ++it->count;
            continue;
        }
        const QString key = unitKey(n->value);
        if (target.isNull()) {
            target = key.isNull() ? u""_s : key;
            s.unit = n->value.unit;
            s.unitCode = n->value.unitCode;
        }
        const std::optional<double> factor = conversionFactor(key, target);
        if (!factor) {
            auto it = std::find_if(s.separate.begin(), s.separate.end(), [&](const TrendSeparateGroup &g) {
                return g.reason == TrendSeparateGroup::Reason::DifferentUnit && g.unit == n->value.unit;
            });
            if (it == s.separate.end())
                s.separate << TrendSeparateGroup{TrendSeparateGroup::Reason::DifferentUnit, n->value.unit, 1};
            else
                ++it->count;
            continue;
        }
        if (key != target)
            ++s.convertedCount;
        TrendPoint p;
        p.observationId = o->id;
        p.date = o->effective;
        p.value = *n->value.number * *factor;
        p.comparator = n->value.comparator;
        if (n->value2) {
            const auto f2 = conversionFactor(unitKey(*n->value2), target);
            if (f2)
                p.value2 = *n->value2->number * *f2;
        }
        p.flag = o->flag;
        p.status = o->status;
        points << p;
        if (!haveRange) {
            if (auto r = convertedRange(n->range, target)) {
                s.range = *r;
                s.range.unit = s.unit;
                s.range.unitCode = s.unitCode;
                haveRange = true;
            }
        }
        if (s.bloodPressure && !haveRange2) {
            if (auto r = convertedRange(n->range2, target)) {
                s.range2 = *r;
                haveRange2 = true;
            }
        }
    }
    std::reverse(points.begin(), points.end());   // oldest first for drawing and the table
    s.points = std::move(points);
    return s;
}

} // namespace hearth::trend
