#include "ResultsViewModelText.h"

#include "RecordViewModel.h"
#include "TrendBuilder.h"

#include <QLocale>

namespace hearth {

using namespace Qt::StringLiterals;

ResultsDateFormatter::ResultsDateFormatter()
{
    const QLocale locale;
    for (int m = 1; m <= 12; ++m)
        m_months << locale.monthName(m, QLocale::LongFormat);
}

QString ResultsDateFormatter::format(const PartialDate &date) const
{
    if (!date.isValid())
        return {};
    const int year = date.date.year();
    switch (date.precision) {
    case PartialDate::Precision::Day:
        return QString::number(date.date.day()) + u' ' + m_months.at(date.date.month() - 1) + u' ' + QString::number(year);
    case PartialDate::Precision::Month: return m_months.at(date.date.month() - 1) + u' ' + QString::number(year);
    case PartialDate::Precision::Year: return QString::number(year);
    case PartialDate::Precision::None: break;
    }
    return {};
}

QString ResultsText::flagWord(ResultFlag flag)
{
    switch (flag) {
    case ResultFlag::High: return u"high"_s;
    case ResultFlag::Low: return u"low"_s;
    case ResultFlag::Abnormal: return u"abnormal"_s;
    case ResultFlag::Normal: return u"normal"_s;
    case ResultFlag::None: break;
    }
    return {};
}

QString ResultsText::flagText(ResultFlag flag)
{
    switch (flag) {
    case ResultFlag::High: return tr("High");
    case ResultFlag::Low: return tr("Low");
    case ResultFlag::Abnormal: return tr("Outside the usual range");
    case ResultFlag::Normal: return tr("Normal");
    case ResultFlag::None: break;
    }
    return {};
}

QString ResultsText::colourRole(ResultFlag flag)
{
    switch (flag) {
    case ResultFlag::High:
    case ResultFlag::Low:
    case ResultFlag::Abnormal: return u"alert"_s;
    case ResultFlag::Normal: return u"ok"_s;
    case ResultFlag::None: break;
    }
    return u"neutral"_s;
}

QString ResultsText::statusText(const QString &s)
{
    if (s == "final"_L1)
        return tr("Final");
    if (s == "preliminary"_L1)
        return tr("Preliminary – this may change");
    if (s == "amended"_L1)
        return tr("Amended");
    if (s == "corrected"_L1)
        return tr("Corrected");
    if (s == "appended"_L1)
        return tr("Updated with more information");
    if (s == "partial"_L1)
        return tr("Partial – more results to come");
    if (s == "registered"_L1)
        return tr("Waiting for results");
    if (s == "cancelled"_L1)
        return tr("Cancelled");
    return tr("Status not known");
}

QString ResultsText::dateText(const FhirDateTime &d)
{
    return RecordViewModel::formatDate(d.date);
}

QString ResultsText::timeText(const FhirDateTime &d)
{
    return d.hasTime() ? d.local.time().toString(u"HH:mm"_s) : QString();
}

QString ResultsText::number(double v)
{
    // The shortest text that reads back as the same number: exactly the value the lab sent,
    // and much cheaper than a fixed 12-digit precision.
    return QLocale().toString(v, 'g', QLocale::FloatingPointShortest);
}

QString ResultsText::unitText(const QString &unit)
{
    // UCUM codes a patient should not have to decode; anything else is shown as sent.
    static const QHash<QString, QString> friendly{
        {u"mm[Hg]"_s, u"mmHg"_s},          {u"10*9/L"_s, u"×10⁹/L"_s},     {u"10*12/L"_s, u"×10¹²/L"_s},
        {u"umol/L"_s, u"µmol/L"_s},        {u"ug/L"_s, u"µg/L"_s},         {u"mL/min/{1.73_m2}"_s, u"mL/min/1.73m²"_s},
        {u"Cel"_s, u"°C"_s},               {u"[IU]/L"_s, u"IU/L"_s},       {u"kg/m2"_s, u"kg/m²"_s},
        {u"/min"_s, u"per minute"_s},
    };
    return friendly.value(unit, unit);
}

QString ResultsText::valueText(const ResultValue &v)
{
    switch (v.kind) {
    case ResultValue::Kind::Quantity: {
        if (!v.number)
            return {};
        QString n = number(*v.number);
        if (v.comparator == "<"_L1)
            n = tr("less than %1").arg(n);
        else if (v.comparator == "<="_L1)
            n = tr("%1 or less").arg(n);
        else if (v.comparator == ">"_L1)
            n = tr("more than %1").arg(n);
        else if (v.comparator == ">="_L1)
            n = tr("%1 or more").arg(n);
        const QString unit = unitText(v.unit);
        return unit.isEmpty() ? n : n + u' ' + unit;
    }
    case ResultValue::Kind::Text:
        if (v.text == "true"_L1)
            return tr("Yes");
        if (v.text == "false"_L1)
            return tr("No");
        return v.text;
    case ResultValue::Kind::Concept:
        return v.text;
    case ResultValue::Kind::Unsupported:
        return tr("This entry can't be shown here");
    case ResultValue::Kind::None:
        break;
    }
    return {};
}

QString ResultsText::observationValueText(const ObservationResult &o)
{
    if (o.value.kind != ResultValue::Kind::None || o.components.isEmpty())
        return valueText(o.value);
    // "128/82 mmHg" when every part is a plain number in the same unit, else each part named.
    bool sameUnit = true;
    QStringList numbers;
    QStringList named;
    for (const ResultComponent &c : o.components) {
        const QString text = valueText(c.value);
        if (text.isEmpty())
            continue;
        named << (c.name.isEmpty() ? text : tr("%1 %2").arg(c.name, text));
        if (c.value.kind == ResultValue::Kind::Quantity && c.value.comparator.isEmpty() && c.value.number
            && c.value.unit == o.components.first().value.unit)
            numbers << number(*c.value.number);
        else
            sameUnit = false;
    }
    if (sameUnit && numbers.size() > 1) {
        const QString unit = unitText(o.components.first().value.unit);
        return unit.isEmpty() ? numbers.join(u'/') : numbers.join(u'/') + u' ' + unit;
    }
    return named.join(", "_L1);
}

QString ResultsText::rangeText(const ResultRange &r)
{
    if (!r.text.isEmpty())
        return r.text;
    const QString unit = r.unit.isEmpty() ? QString() : u' ' + unitText(r.unit);
    if (r.low && r.high)
        return tr("%1 to %2").arg(number(*r.low), number(*r.high)) + unit;
    if (r.low)
        return tr("%1 or more").arg(number(*r.low) + unit);
    if (r.high)
        return tr("%1 or less").arg(number(*r.high) + unit);
    return {};
}

QVariantMap ResultsText::row(const ObservationResult &o)
{
    QVariantMap m;
    m.insert(u"observationId"_s, o.id);
    m.insert(u"title"_s, o.name.isEmpty() ? tr("Unnamed test") : o.name);
    QString value = observationValueText(o);
    const bool unsupported = o.value.kind == ResultValue::Kind::Unsupported;
    if (value.isEmpty())
        value = o.status == "cancelled"_L1 ? tr("No result: the test was cancelled") : tr("No result given");
    m.insert(u"valueText"_s, value);
    m.insert(u"unit"_s, o.value.unit);
    m.insert(u"unsupported"_s, unsupported);
    QString range = rangeText(o.range);
    if (range.isEmpty() && !o.components.isEmpty()) {
        QStringList parts;
        for (const ResultComponent &c : o.components) {
            const QString r = rangeText(c.range);
            if (!r.isEmpty())
                parts << (c.name.isEmpty() ? r : tr("%1 %2").arg(c.name, r));
        }
        range = parts.join("; "_L1);
    }
    m.insert(u"rangeText"_s, range);
    m.insert(u"flag"_s, flagWord(o.flag));
    m.insert(u"flagText"_s, flagText(o.flag));
    m.insert(u"colourRole"_s, colourRole(o.flag));
    m.insert(u"dateText"_s, dateText(o.effective));
    m.insert(u"timeText"_s, timeText(o.effective));
    m.insert(u"statusCode"_s, o.status);
    m.insert(u"statusText"_s, statusText(o.status));
    // A trend needs a number (or a blood pressure) and a code to find the other results by.
    const bool numeric = o.value.number.has_value() || trend::isBloodPressure(o.codes);
    m.insert(u"canTrend"_s, numeric && !o.codes.isEmpty());
    m.insert(u"note"_s, o.note);
    QStringList sentence{m.value(u"title"_s).toString(), value};
    if (!o.note.isEmpty())
        sentence << o.note;
    if (!flagText(o.flag).isEmpty())
        sentence << flagText(o.flag);
    if (!range.isEmpty())
        sentence << tr("usual range %1").arg(range);
    if (!dateText(o.effective).isEmpty())
        sentence << dateText(o.effective);
    if (o.status != "final"_L1)
        sentence << statusText(o.status);
    m.insert(u"accessibleText"_s, sentence.join(", "_L1));
    if (unsupported)
        m.insert(u"unsupportedText"_s, tr("Type: %1").arg(o.value.unsupportedType.mid(5)));
    return m;
}

QString ResultsText::summaryText(const ResultReport &r)
{
    // A single result says its value; a report or panel says how many results it holds.
    if (r.kind == ResultReport::Kind::Single && r.observations.size() == 1) {
        const QString value = observationValueText(r.observations.first());
        return value.isEmpty() ? row(r.observations.first()).value(u"valueText"_s).toString() : value;
    }
    int outside = 0;
    for (const ObservationResult &o : r.observations) {
        if (colourRole(o.flag) == "alert"_L1)
            ++outside;
    }
    const qsizetype n = r.observations.size();
    // Explicit singular/plural strings read well even before a translation is loaded.
    QString text = n == 0 ? tr("No results in this report yet") : n == 1 ? tr("1 result") : tr("%1 results").arg(n);
    if (outside > 0)
        text += u", "_s + (outside == 1 ? tr("1 outside the usual range") : tr("%1 outside the usual range").arg(outside));
    return text;
}

} // namespace hearth
