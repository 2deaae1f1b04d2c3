#include "RunningLow.h"

#include "PrescriptionRequests.h"

#include "store/MetaStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace hearth {

using namespace Qt::StringLiterals;

namespace prescriptions {

namespace {

// "tablets" and "Tablet" are the same unit; anything else must match exactly (mg is not a tablet).
QString normalUnit(QString unit)
{
    unit = unit.trimmed().toLower();
    if (unit.size() > 1 && unit.endsWith(u's'))
        unit.chop(1);
    return unit;
}

QString unitOf(const QJsonObject &quantity)
{
    const QString unit = quantity.value("unit"_L1).toString();
    return unit.isEmpty() ? quantity.value("code"_L1).toString() : unit;
}

std::optional<double> periodInDays(double period, const QString &unit)
{
    if (period <= 0)
        return std::nullopt;
    if (unit == "s"_L1) return period / 86400.0;
    if (unit == "min"_L1) return period / 1440.0;
    if (unit == "h"_L1) return period / 24.0;
    if (unit == "d"_L1) return period;
    if (unit == "wk"_L1) return period * 7;
    if (unit == "mo"_L1) return period * 28;   // as expectedSupplyDuration: a GP "month" is 28 days
    if (unit == "a"_L1) return period * 365;
    return std::nullopt;
}

// Times a day from Timing: repeat.frequency/period/periodUnit, else timeOfDay or when counts (daily),
// else the HL7 v3 GTSAbbreviation code.
std::optional<double> timesPerDay(const QJsonObject &timing)
{
    const QJsonObject repeat = timing.value("repeat"_L1).toObject();
    if (repeat.contains("period"_L1)) {
        const auto days = periodInDays(repeat.value("period"_L1).toDouble(), repeat.value("periodUnit"_L1).toString());
        if (!days)
            return std::nullopt;
        return repeat.value("frequency"_L1).toInt(1) / *days;
    }
    if (const auto n = repeat.value("timeOfDay"_L1).toArray().size(); n > 0)
        return double(n);
    if (const auto n = repeat.value("when"_L1).toArray().size(); n > 0)
        return double(n);
    static const QHash<QString, double> codes{{u"QD"_s, 1}, {u"AM"_s, 1}, {u"PM"_s, 1}, {u"BID"_s, 2},
                                              {u"TID"_s, 3}, {u"QID"_s, 4}, {u"QOD"_s, 0.5}, {u"Q4H"_s, 6},
                                              {u"Q6H"_s, 4}, {u"Q8H"_s, 3}, {u"WK"_s, 1.0 / 7}};
    for (const QJsonValue &c : timing.value("code"_L1).toObject().value("coding"_L1).toArray()) {
        const auto found = codes.constFind(c.toObject().value("code"_L1).toString());
        if (found != codes.cend())
            return *found;
    }
    return std::nullopt;
}

// One dose in the quantity's units: doseQuantity, or the top of doseRange (the earlier reminder).
std::optional<double> doseOf(const QJsonObject &dosage, const QString &quantityUnit)
{
    const QJsonObject rate = dosage.value("doseAndRate"_L1).toArray().first().toObject();
    QJsonObject dose = rate.value("doseQuantity"_L1).toObject();
    if (dose.isEmpty())
        dose = rate.value("doseRange"_L1).toObject().value("high"_L1).toObject();
    const double value = dose.value("value"_L1).toDouble();
    if (value <= 0)
        return std::nullopt;
    const QString unit = unitOf(dose);
    if (!unit.isEmpty() && !quantityUnit.isEmpty() && normalUnit(unit) != normalUnit(quantityUnit))
        return std::nullopt;
    return value;
}

} // namespace

std::optional<double> dailyDose(const QJsonArray &dosageInstruction, const std::optional<Quantity> &quantity)
{
    if (dosageInstruction.isEmpty())
        return std::nullopt;
    const QString quantityUnit = quantity ? quantity->unit : QString();
    double total = 0;
    QSet<int> phases;
    for (const QJsonValue &v : dosageInstruction) {
        const QJsonObject dosage = v.toObject();
        phases.insert(dosage.value("sequence"_L1).toInt(0));
        if (phases.size() > 1)
            return std::nullopt;   // a tapering or changing course: days cannot be read off one dose
        if (dosage.value("asNeededBoolean"_L1).toBool() || dosage.contains("asNeededCodeableConcept"_L1))
            return std::nullopt;   // "when required" does not run down at a known rate
        const auto dose = doseOf(dosage, quantityUnit);
        const auto times = timesPerDay(dosage.value("timing"_L1).toObject());
        if (!dose || !times)
            return std::nullopt;
        total += *dose * *times;
    }
    return total > 0 ? std::optional<double>(total) : std::nullopt;
}

int supplyDays(const MedicationRequestInfo &plan)
{
    if (plan.supplyDays > 0)
        return plan.supplyDays;
    if (plan.quantity && plan.quantity->value > 0 && plan.dailyDose && *plan.dailyDose > 0)
        return int(std::floor(plan.quantity->value / *plan.dailyDose));
    return 0;
}

QList<RunningLow> runningLow(const QList<PrescriptionsRepository::Template> &templates, const QDateTime &nowUtc)
{
    QList<RunningLow> out;
    for (const PrescriptionsRepository::Template &t : templates) {
        if (t.notOrderable != NotOrderableReason::None || !t.lastIssued.isValid())
            continue;
        const int supply = supplyDays(t.plan);
        if (supply <= 0)
            continue;
        // Whole days since the issue, whatever the time zone: issued today is 0.
        const qint64 elapsed = t.lastIssued.secsTo(nowUtc);
        const int daysSince = int(std::floor(double(elapsed) / 86400.0));
        const int left = supply - daysSince;
        if (left > kRunningLowDays || left < -supply)
            continue;
        out << RunningLow{t.plan.id, t.plan.medication, left, t.lastIssued, supply};
    }
    std::sort(out.begin(), out.end(), [](const RunningLow &a, const RunningLow &b) {
        if (a.daysLeft != b.daysLeft)
            return a.daysLeft < b.daysLeft;
        return a.medication.compare(b.medication, Qt::CaseInsensitive) < 0;
    });
    return out;
}

QList<RunningLow> withoutOpenRequests(const QList<RunningLow> &items, const QList<RequestItemView> &requests)
{
    QList<RunningLow> out;
    for (const RunningLow &item : items) {
        const bool asked = std::any_of(requests.cbegin(), requests.cend(), [&item](const RequestItemView &r) {
            if (r.templateId != item.templateId || r.delivery == RequestItemView::Delivery::Refused
                || r.current == RequestStep::Rejected)
                return false;
            // Asked for after the issue the estimate starts from (an unknown date: a fresh outbox item).
            return !r.requestedAt.isValid() || r.requestedAt >= item.lastIssued;
        });
        if (!asked)
            out << item;
    }
    return out;
}

} // namespace prescriptions

RunningLowDismissals::RunningLowDismissals(MetaStore &meta) : m_meta(meta) {}

namespace {

// {"<template id>": "<last issue, ISO UTC>"}: one small JSON object under one meta key.
Result<QJsonObject> readDismissed(const MetaStore &meta)
{
    const auto stored = meta.get(QString::fromLatin1(RunningLowDismissals::kMetaKey));
    if (!stored)
        return stored.error();
    if (!*stored)
        return QJsonObject();
    return QJsonDocument::fromJson(**stored).object();
}

QString issueKey(const QDateTime &lastIssued)
{
    return lastIssued.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

Status RunningLowDismissals::dismiss(const RunningLow &item)
{
    auto dismissed = readDismissed(m_meta);
    if (!dismissed)
        return dismissed.error();
    // One entry per template: a new dismissal replaces the one for an older issue.
    dismissed->insert(item.templateId, issueKey(item.lastIssued));
    return m_meta.put(QString::fromLatin1(kMetaKey), QJsonDocument(*dismissed).toJson(QJsonDocument::Compact));
}

Result<QList<RunningLow>> RunningLowDismissals::visible(const QList<RunningLow> &items) const
{
    const auto dismissed = readDismissed(m_meta);
    if (!dismissed)
        return dismissed.error();
    QList<RunningLow> out;
    for (const RunningLow &item : items)
        if (dismissed->value(item.templateId).toString() != issueKey(item.lastIssued))
            out << item;
    return out;
}

} // namespace hearth
