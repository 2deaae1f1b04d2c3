#include "ResultsViewModel.h"

#include "ResultsRepository.h"
#include "ResultsViewModelDetail.h"
#include "ResultsViewModelText.h"
#include "TrendModel.h"
#include "TrendRepository.h"

namespace hearth {

using namespace Qt::StringLiterals;

namespace {

const QList<QByteArray> kRoleKeys{"entryId", "resourceType", "kind", "title", "dateText", "timeText",
                                  "statusCode", "statusText", "summaryText", "flag", "flagText",
                                  "colourRole", "conclusion", "accessibleText", "rows"};

QString kindWord(ResultReport::Kind k)
{
    switch (k) {
    case ResultReport::Kind::Report: return u"report"_s;
    case ResultReport::Kind::Panel: return u"panel"_s;
    case ResultReport::Kind::Single: break;
    }
    return u"single"_s;
}

// The worst flag of an entry's results decides its own.
ResultFlag entryFlag(const ResultReport &r)
{
    ResultFlag worst = ResultFlag::None;
    for (const ObservationResult &o : r.observations) {
        if (ResultsText::colourRole(o.flag) == "alert"_L1)
            return r.observations.size() == 1 ? o.flag : ResultFlag::Abnormal;
        if (o.flag == ResultFlag::Normal)
            worst = ResultFlag::Normal;
    }
    return worst;
}

QString readError()
{
    return ResultsViewModel::tr("Your test results could not be opened on this device. Please try again.");
}

} // namespace

ResultsViewModel::ResultsViewModel(QObject *parent)
    : QAbstractListModel(parent), m_detail(new ResultsDetailModel(this)), m_trend(new TrendModel(this))
{
}

ResultsViewModel::~ResultsViewModel() = default;

int ResultsViewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ResultsViewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size() || role < EntryIdRole || role > RowsRole)
        return {};
    return m_entries.at(index.row()).value(QString::fromLatin1(kRoleKeys.at(role - EntryIdRole)));
}

QHash<int, QByteArray> ResultsViewModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < kRoleKeys.size(); ++i)
        names.insert(EntryIdRole + i, kRoleKeys.at(i));
    return names;
}

bool ResultsViewModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && canLoadMore();
}

void ResultsViewModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        loadMore();
}

QString ResultsViewModel::emptyText() const
{
    return tr("No test results recorded");
}

bool ResultsViewModel::canLoadMore() const
{
    return m_pager && !m_pager->atEnd() && m_status == Content && m_moreError.isEmpty();
}

QObject *ResultsViewModel::detail() const { return m_detail; }
QObject *ResultsViewModel::trend() const { return m_trend; }

void ResultsViewModel::setRepositories(const ResultsRepository *results, const TrendRepository *trends)
{
    m_results = results;
    m_trends = trends;
    m_detail->clear();
    m_trend->clear();
    if (!m_results) {
        m_pager.reset();
        beginResetModel();
        m_entries.clear();
        endResetModel();
        emit countChanged();
        setStatus(Loading);
        return;
    }
    reload();
}

void ResultsViewModel::setUpdatedText(const QString &text)
{
    if (text == m_updatedText)
        return;
    m_updatedText = text;
    emit updatedTextChanged();
}

void ResultsViewModel::setLoading()
{
    setStatus(Loading);
}

void ResultsViewModel::setStatus(Status s, const QString &error)
{
    if (s == m_status && error == m_errorText)
        return;
    m_status = s;
    m_errorText = error;
    emit statusChanged();
    emit countChanged();   // canLoadMore follows the status
}

void ResultsViewModel::reload()
{
    if (!m_results)
        return;
    m_pager = std::make_unique<ResultsPager>(m_results->pager());
    m_moreError.clear();
    auto page = m_pager->next(m_pageSize);
    beginResetModel();
    m_entries.clear();
    if (page) {
        for (const ResultReport &r : page.value())
            m_entries << entryFor(r);
    }
    endResetModel();
    emit countChanged();
    if (!page) {
        m_pager.reset();
        setStatus(Error, readError());
        return;
    }
    setStatus(m_entries.isEmpty() ? Empty : Content);
}

void ResultsViewModel::loadMore()
{
    if (!canLoadMore())
        return;
    appendPage();
}

void ResultsViewModel::retryLoadMore()
{
    // A pager that failed part-way through a page may have passed some entries: read again from
    // the start rather than risk a gap or a duplicate.
    if (!m_moreError.isEmpty())
        reload();
}

void ResultsViewModel::appendPage()
{
    auto page = m_pager->next(m_pageSize);
    if (!page) {
        // Keep what is shown: losing every loaded result because one later page failed would
        // leave the patient with nothing.
        m_moreError = readError();
        emit countChanged();
        return;
    }
    if (!page->isEmpty()) {
        beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + page->size() - 1));
        for (const ResultReport &r : page.value())
            m_entries << entryFor(r);
        endInsertRows();
    }
    emit countChanged();
}

bool ResultsViewModel::openEntry(const QString &resourceType, const QString &id)
{
    if (!m_results) {
        m_detail->setError(readError());
        return false;
    }
    auto entry = m_results->entry(resourceType, id);
    if (!entry) {
        m_detail->setError(entry.error().kind == Error::Kind::NotFound
                               ? tr("This result is no longer in your record. Your GP practice may have removed it.")
                               : readError());
        return false;
    }
    m_detail->setEntry(entry.value());
    return true;
}

bool ResultsViewModel::openTrend(const QString &observationId)
{
    if (!m_trends) {
        m_trend->setError(readError());
        return false;
    }
    auto series = m_trends->trendFor(observationId);
    if (!series) {
        m_trend->setError(readError());
        return false;
    }
    m_trend->setSeries(std::move(series).value());
    return true;
}

QVariantMap ResultsViewModel::entryFor(const ResultReport &r)
{
    QVariantMap m;
    m.insert(u"entryId"_s, r.id);
    m.insert(u"resourceType"_s, r.resourceType);
    m.insert(u"kind"_s, kindWord(r.kind));
    QString title = r.name;
    if (title.isEmpty())
        title = r.kind == ResultReport::Kind::Report ? tr("Test report") : tr("Unnamed test");
    m.insert(u"title"_s, title);
    m.insert(u"dateText"_s, ResultsText::dateText(r.effective));
    m.insert(u"timeText"_s, ResultsText::timeText(r.effective));
    m.insert(u"statusCode"_s, r.status);
    m.insert(u"statusText"_s, ResultsText::statusText(r.status));
    m.insert(u"summaryText"_s, ResultsText::summaryText(r));
    const ResultFlag flag = entryFlag(r);
    m.insert(u"flag"_s, ResultsText::flagWord(flag));
    m.insert(u"flagText"_s, ResultsText::flagText(flag));
    m.insert(u"colourRole"_s, ResultsText::colourRole(flag));
    m.insert(u"conclusion"_s, r.conclusion);
    QVariantList rows;
    for (const ObservationResult &o : r.observations)
        rows << ResultsText::row(o);
    m.insert(u"rows"_s, rows);
    QStringList sentence{title, ResultsText::dateText(r.effective), ResultsText::summaryText(r)};
    if (r.status != "final"_L1)
        sentence << ResultsText::statusText(r.status);
    sentence.removeAll(QString());
    m.insert(u"accessibleText"_s, sentence.join(", "_L1));
    return m;
}

QString ResultsViewModel::snapshot() const
{
    QString out;
    for (const QVariantMap &e : m_entries) {
        out += u"%1 | %2 | %3 %4 | %5 | %6 | %7 | %8\n"_s.arg(e.value(u"kind"_s).toString(), e.value(u"title"_s).toString(),
                                                            e.value(u"dateText"_s).toString(), e.value(u"timeText"_s).toString(),
                                                            e.value(u"statusText"_s).toString(), e.value(u"summaryText"_s).toString(),
                                                            e.value(u"flagText"_s).toString(), e.value(u"conclusion"_s).toString());
        for (const QVariant &rv : e.value(u"rows"_s).toList()) {
            const QVariantMap r = rv.toMap();
            out += u"    %1 | %2 | range: %3 | %4 (%5) | %6 | %7 | trend: %8\n"_s.arg(
                r.value(u"title"_s).toString(), r.value(u"valueText"_s).toString(), r.value(u"rangeText"_s).toString(),
                r.value(u"flagText"_s).toString(), r.value(u"colourRole"_s).toString(), r.value(u"dateText"_s).toString(),
                r.value(u"statusText"_s).toString(), r.value(u"canTrend"_s).toBool() ? u"yes"_s : u"no"_s);
        }
    }
    return out;
}

} // namespace hearth
