#include "TrendModel.h"

#include "ResultsViewModelText.h"

#include <cmath>
#include <limits>

namespace hearth {

using namespace Qt::StringLiterals;

namespace {

const QList<QByteArray> kRoleKeys{"time", "dateText", "value", "value2", "valueText", "flag", "flagText",
                                  "colourRole", "tableText", "observationId"};

QString pointValueText(const TrendSeries &s, const TrendPoint &p)
{
    ResultValue v;
    v.kind = ResultValue::Kind::Quantity;
    v.number = p.value;
    v.comparator = p.comparator;
    if (!p.value2) {
        v.unit = s.unit;
        return ResultsText::valueText(v);
    }
    const QString unit = ResultsText::unitText(s.unit);
    const QString both = ResultsText::number(p.value) + u'/' + ResultsText::number(*p.value2);
    return unit.isEmpty() ? both : both + u' ' + unit;
}

} // namespace

TrendModel::TrendModel(QObject *parent) : QAbstractListModel(parent) {}

int TrendModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_series.points.size());
}

QVariant TrendModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_series.points.size())
        return {};
    const int i = index.row();
    const TrendPoint &p = m_series.points.at(i);
    switch (role) {
    case TimeRole: return m_cached.at(i).time;
    case DateTextRole: return m_cached.at(i).dateText;
    case ValueRole: return p.value;
    case Value2Role: return p.value2 ? *p.value2 : std::numeric_limits<double>::quiet_NaN();
    case ValueTextRole: return m_cached.at(i).valueText;
    case FlagRole: return ResultsText::flagWord(p.flag);
    case FlagTextRole: return ResultsText::flagText(p.flag);
    case ColourRoleRole: return ResultsText::colourRole(p.flag);
    case TableTextRole: return tableText(i);
    case ObservationIdRole: return p.observationId;
    default: return {};
    }
}

QHash<int, QByteArray> TrendModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < kRoleKeys.size(); ++i)
        names.insert(TimeRole + i, kRoleKeys.at(i));
    return names;
}

QString TrendModel::unitText() const
{
    return ResultsText::unitText(m_series.unit);
}

QString TrendModel::lineName() const
{
    return m_series.bloodPressure ? tr("Systolic (upper number)") : m_series.name;
}

QString TrendModel::line2Name() const
{
    return m_series.bloodPressure ? tr("Diastolic (lower number)") : QString();
}

double TrendModel::firstTime() const
{
    return m_cached.isEmpty() ? 0 : m_cached.first().time;
}

double TrendModel::lastTime() const
{
    return m_cached.isEmpty() ? 0 : m_cached.last().time;
}

double TrendModel::rangeLow() const
{
    return m_series.range.low.value_or(std::numeric_limits<double>::quiet_NaN());
}

double TrendModel::rangeHigh() const
{
    return m_series.range.high.value_or(std::numeric_limits<double>::quiet_NaN());
}

QString TrendModel::rangeText() const
{
    const QString r = ResultsText::rangeText(m_series.range);
    if (r.isEmpty())
        return {};
    return m_series.bloodPressure ? tr("Usual range for the upper number: %1").arg(r) : tr("Usual range: %1").arg(r);
}

QString TrendModel::tableText(int i) const
{
    const TrendPoint &p = m_series.points.at(i);
    QString text = tr("%1: %2").arg(m_cached.at(i).dateText, m_cached.at(i).valueText);
    const QString flag = ResultsText::flagText(p.flag);
    if (!flag.isEmpty())
        text += u", "_s + flag.toLower();
    if (p.status != "final"_L1 && !p.status.isEmpty())
        text += u", "_s + ResultsText::statusText(p.status).toLower();
    return text;
}

QVariantList TrendModel::chartPoints() const
{
    QVariantList out;
    out.reserve(m_series.points.size());
    for (qsizetype i = 0; i < m_series.points.size(); ++i) {
        const TrendPoint &p = m_series.points.at(i);
        QVariantMap m{{u"time"_s, m_cached.at(i).time}, {u"value"_s, p.value}, {u"flag"_s, ResultsText::flagWord(p.flag)}};
        if (p.value2)
            m.insert(u"value2"_s, *p.value2);
        out << m;
    }
    return out;
}

QString TrendModel::summaryText() const
{
    const qsizetype n = m_series.points.size();
    if (n == 0)
        return {};
    if (n == 1)
        return tr("1 result, on %1.").arg(m_cached.first().dateText);
    return tr("%1 results from %2 to %3. Latest: %4.")
        .arg(QString::number(n), m_cached.first().dateText, m_cached.last().dateText, m_cached.last().valueText);
}

void TrendModel::setSeries(TrendSeries series)
{
    beginResetModel();
    m_series = std::move(series);
    m_cached.clear();
    m_cached.reserve(m_series.points.size());
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    auto widen = [&](double v) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    };
    const ResultsDateFormatter dates;
    for (const TrendPoint &p : std::as_const(m_series.points)) {
        m_cached.append({double(p.date.msecs), dates.format(p.date.date), pointValueText(m_series, p)});
        widen(p.value);
        if (p.value2)
            widen(*p.value2);
    }
    // The band is part of the picture: the axis always shows where the usual range lies.
    if (!m_cached.isEmpty()) {
        if (m_series.range.low)
            widen(*m_series.range.low);
        if (m_series.range.high)
            widen(*m_series.range.high);
    }
    m_min = std::isfinite(lo) ? lo : 0;
    m_max = std::isfinite(hi) ? hi : 0;

    QStringList notes;
    for (const TrendSeparateGroup &g : std::as_const(m_series.separate)) {
        if (g.reason == TrendSeparateGroup::Reason::DifferentUnit)
            notes << (g.count == 1 ? tr("1 result measured in %1 is not on this chart: %1 cannot be converted exactly to %2.")
                                   : tr("%3 results measured in %1 are not on this chart: %1 cannot be converted exactly to %2."))
                         .arg(ResultsText::unitText(g.unit), unitText(), QString::number(g.count));
        else
            notes << (g.count == 1 ? tr("1 result has no number to draw, so it is only in the results list.")
                                   : tr("%1 results have no number to draw, so they are only in the results list.").arg(g.count));
    }
    if (m_series.convertedCount > 0)
        notes << tr("Some results were reported in another unit of the same measure and have been converted to %1.").arg(unitText());
    m_separateText = notes.join(u' ');
    m_errorText.clear();
    m_status = m_series.points.isEmpty() ? 1 : 3;
    endResetModel();
    emit changed();
}

void TrendModel::setError(const QString &translatedText)
{
    beginResetModel();
    m_series = {};
    m_cached.clear();
    m_separateText.clear();
    m_errorText = translatedText;
    m_status = 2;
    endResetModel();
    emit changed();
}

void TrendModel::clear()
{
    beginResetModel();
    m_series = {};
    m_cached.clear();
    m_separateText.clear();
    m_errorText.clear();
    m_status = 0;
    endResetModel();
    emit changed();
}

} // namespace hearth
