#include "ResultsJson.h"

#include "fhir/EntryVisibility.h"

namespace hearth::fhirjson {

using namespace Qt::StringLiterals;


// A CodeableConcept, or the first of a list of them (Encounter.type, reasonCode).
static QJsonObject firstConcept(const QJsonValue &value)
{
    return value.isArray() ? value.toArray().first().toObject() : value.toObject();
}

QString conceptText(const QJsonValue &value)
{
    const QJsonObject cc = firstConcept(value);
    const QString text = cc.value("text"_L1).toString().trimmed();
    if (!text.isEmpty())
        return text;
    const QJsonArray codings = cc.value("coding"_L1).toArray();
    for (const QJsonValue &c : codings) {
        const QString display = c.toObject().value("display"_L1).toString().trimmed();
        if (!display.isEmpty())
            return display;
    }
    return {};
}

// The first coding code of a CodeableConcept, lower-cased (clinicalStatus and friends).
QString conceptCode(const QJsonValue &value)
{
    const QJsonArray codings = firstConcept(value).value("coding"_L1).toArray();
    for (const QJsonValue &c : codings) {
        const QString code = c.toObject().value("code"_L1).toString();
        if (!code.isEmpty())
            return code.toLower();
    }
    return {};
}

// Entries the practice marked as mistakes or refuted must never be shown.
bool isWithdrawn(const QJsonObject &o)
{
    return visibility::isHidden(o);
}

PartialDate firstDate(const QJsonObject &o, std::initializer_list<QLatin1StringView> keys)
{
    for (QLatin1StringView key : keys) {
        const QJsonValue v = o.value(key);
        PartialDate d = v.isObject() ? PartialDate::fromFhir(v.toObject().value("start"_L1).toString())
                                     : PartialDate::fromFhir(v.toString());
        if (d.isValid())
            return d;
    }
    return {};
}

bool newerFirst(const PartialDate &a, const PartialDate &b)
{
    // Undated entries sink to the bottom.
    if (a.isValid() != b.isValid())
        return a.isValid();
    return a.date > b.date;
}

QString formatNumber(double v)
{
    return QString::number(v, 'g', 12);
}

QString quantityText(const QJsonObject &q)
{
    if (!q.contains("value"_L1))
        return {};
    QString unit = q.value("unit"_L1).toString();
    if (unit.isEmpty())
        unit = q.value("code"_L1).toString();
    const QString comparator = q.value("comparator"_L1).toString();
    const QString number = comparator + formatNumber(q.value("value"_L1).toDouble());
    return unit.isEmpty() ? number : number + u' ' + unit;
}

QString unitOf(const QJsonObject &q)
{
    const QString unit = q.value("unit"_L1).toString();
    return unit.isEmpty() ? q.value("code"_L1).toString() : unit;
}

// value[x] of an Observation or one of its components, as text.
QString valueText(const QJsonObject &o)
{
    if (o.contains("valueQuantity"_L1))
        return quantityText(o.value("valueQuantity"_L1).toObject());
    if (o.contains("valueCodeableConcept"_L1))
        return conceptText(o.value("valueCodeableConcept"_L1));
    if (o.contains("valueString"_L1))
        return o.value("valueString"_L1).toString().trimmed();
    if (o.contains("valueInteger"_L1))
        return QString::number(o.value("valueInteger"_L1).toInteger());
    return {};
}

// Blood pressure and similar: "128/82 mmHg" when all parts share a unit, else "Systolic 128 mmHg, ...".
QString componentsText(const QJsonArray &components)
{
    QStringList numbers;
    QString sharedUnit;
    bool sameUnit = true;
    QStringList labelled;
    for (const QJsonValue &cv : components) {
        const QJsonObject c = cv.toObject();
        const QString text = valueText(c);
        if (text.isEmpty())
            continue;
        const QString name = conceptText(c.value("code"_L1));
        labelled << (name.isEmpty() ? text : name + u' ' + text);
        const QJsonObject q = c.value("valueQuantity"_L1).toObject();
        if (q.contains("value"_L1)) {
            numbers << q.value("comparator"_L1).toString() + formatNumber(q.value("value"_L1).toDouble());
            if (numbers.size() == 1)
                sharedUnit = unitOf(q);
            else if (unitOf(q) != sharedUnit)
                sameUnit = false;
        } else {
            sameUnit = false;
        }
    }
    if (sameUnit && numbers.size() > 1)
        return sharedUnit.isEmpty() ? numbers.join(u'/') : numbers.join(u'/') + u' ' + sharedUnit;
    return labelled.join(", "_L1);
}

ResultFlag flagFromCodes(const QJsonArray &interpretations)
{
    for (const QJsonValue &iv : interpretations) {
        const QJsonArray codings = iv.toObject().value("coding"_L1).toArray();
        for (const QJsonValue &c : codings) {
            const QString code = c.toObject().value("code"_L1).toString().toUpper();
            if (code == "H"_L1 || code == "HH"_L1 || code == "HU"_L1 || code == ">"_L1)
                return ResultFlag::High;
            if (code == "L"_L1 || code == "LL"_L1 || code == "LU"_L1 || code == "<"_L1)
                return ResultFlag::Low;
            if (code == "A"_L1 || code == "AA"_L1 || code == "POS"_L1 || code == "DET"_L1)
                return ResultFlag::Abnormal;
            if (code == "N"_L1 || code == "NEG"_L1 || code == "ND"_L1)
                return ResultFlag::Normal;
        }
    }
    return ResultFlag::None;
}

} // namespace hearth::fhirjson
