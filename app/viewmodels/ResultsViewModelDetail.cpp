#include "ResultsViewModelDetail.h"

#include "ResultsViewModelText.h"

namespace hearth {

using namespace Qt::StringLiterals;

namespace {

const QList<QByteArray> kRoleKeys{"observationId", "title", "valueText", "unit", "rangeText", "flag", "flagText",
                                  "colourRole", "dateText", "timeText", "statusCode", "statusText", "canTrend",
                                  "unsupported", "unsupportedText", "note", "accessibleText"};

} // namespace

ResultsDetailModel::ResultsDetailModel(QObject *parent) : QAbstractListModel(parent) {}

int ResultsDetailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ResultsDetailModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || role < ObservationIdRole || role > AccessibleTextRole)
        return {};
    return m_rows.at(index.row()).value(QString::fromLatin1(kRoleKeys.at(role - ObservationIdRole)));
}

QHash<int, QByteArray> ResultsDetailModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < kRoleKeys.size(); ++i)
        names.insert(ObservationIdRole + i, kRoleKeys.at(i));
    return names;
}

void ResultsDetailModel::setEntry(const ResultReport &r)
{
    beginResetModel();
    m_rows.clear();
    for (const ObservationResult &o : r.observations)
        m_rows << ResultsText::row(o);
    m_header.clear();
    m_header.insert(u"title"_s, r.name.isEmpty() ? ResultsText::tr("Test report") : r.name);
    QString date = ResultsText::dateText(r.effective);
    const QString time = ResultsText::timeText(r.effective);
    if (!time.isEmpty())
        date = ResultsText::tr("%1 at %2").arg(date, time);
    m_header.insert(u"dateText"_s, date);
    m_header.insert(u"statusText"_s, ResultsText::statusText(r.status));
    if (r.issued.isValid())
        m_header.insert(u"issuedText"_s, ResultsText::tr("Reported %1").arg(ResultsText::dateText(r.issued)));
    m_header.insert(u"conclusion"_s, r.conclusion);
    m_header.insert(u"performer"_s, r.performer);
    if (r.missingResults > 0)
        m_header.insert(u"missingText"_s,
                        r.missingResults == 1
                            ? ResultsText::tr("1 result in this report is not available in the app.")
                            : ResultsText::tr("%1 results in this report are not available in the app.").arg(r.missingResults));
    m_errorText.clear();
    m_status = m_rows.isEmpty() ? 1 : 3;
    endResetModel();
    emit changed();
}

void ResultsDetailModel::setError(const QString &translatedText)
{
    beginResetModel();
    m_rows.clear();
    m_header.clear();
    m_errorText = translatedText;
    m_status = 2;
    endResetModel();
    emit changed();
}

void ResultsDetailModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_header.clear();
    m_errorText.clear();
    m_status = 0;
    endResetModel();
    emit changed();
}

} // namespace hearth
