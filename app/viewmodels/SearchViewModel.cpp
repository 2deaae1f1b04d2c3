#include "SearchViewModel.h"

#include "RecordViewModel.h"
#include "fhir/SearchIndexBuilder.h"
#include "store/CacheDatabase.h"
#include "store/ResourceStore.h"

#include <QCoreApplication>

namespace hearth {

using namespace Qt::StringLiterals;

namespace {

// Resources indexed per idle tick while an old database catches up: a few ms each.
constexpr int kIndexBatch = 400;

QString untitled(const QString &section, bool viaNote)
{
    if (section == u"consultations"_s)
        return viaNote ? SearchViewModel::tr("Consultation note") : SearchViewModel::tr("Consultation");
    if (section == u"documents"_s)
        return SearchViewModel::tr("Document");
    return SearchViewModel::tr("Unnamed entry");
}

// The snippet as StyledText: everything escaped, the matched word in bold.
QString styled(const SearchHit &hit)
{
    if (hit.snippet.isEmpty())
        return {};
    if (hit.highlightStart < 0 || hit.highlightLength <= 0)
        return hit.snippet.toHtmlEscaped();
    return hit.snippet.left(hit.highlightStart).toHtmlEscaped() + u"<b>"_s
        + hit.snippet.mid(hit.highlightStart, hit.highlightLength).toHtmlEscaped() + u"</b>"_s
        + hit.snippet.mid(hit.highlightStart + hit.highlightLength).toHtmlEscaped();
}

} // namespace

SearchViewModel::SearchViewModel(QObject *parent) : QAbstractListModel(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &SearchViewModel::searchNow);
    m_indexTick.setSingleShot(true);
    m_indexTick.setInterval(0);
    connect(&m_indexTick, &QTimer::timeout, this, &SearchViewModel::indexSome);
}

SearchViewModel::~SearchViewModel() = default;

int SearchViewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SearchViewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case SectionRole: return r.section;
    case SectionTitleRole: return r.sectionTitle;
    case SectionCountRole: return r.sectionCount;
    case TitleRole: return r.title;
    case DateTextRole: return r.dateText;
    case SnippetRole: return r.snippet;
    case SnippetStyledRole: return r.snippetStyled;
    case ResourceTypeRole: return r.resourceType;
    case ResourceIdRole: return r.resourceId;
    case AccessibleTextRole: return r.accessibleText;
    default: return {};
    }
}

QHash<int, QByteArray> SearchViewModel::roleNames() const
{
    return {{SectionRole, "section"},
            {SectionTitleRole, "sectionTitle"},
            {SectionCountRole, "sectionCount"},
            {TitleRole, "title"},
            {DateTextRole, "dateText"},
            {SnippetRole, "snippet"},
            {SnippetStyledRole, "snippetStyled"},
            {ResourceTypeRole, "resourceType"},
            {ResourceIdRole, "resourceId"},
            {AccessibleTextRole, "accessibleText"}};
}

QString SearchViewModel::sectionTitle(const QString &section)
{
    if (section == u"problems"_s) return tr("Problems and diagnoses");
    if (section == u"medicines"_s) return tr("Medicines");
    if (section == u"allergies"_s) return tr("Allergies and reactions");
    if (section == u"immunisations"_s) return tr("Immunisations");
    if (section == u"results"_s) return tr("Test results");
    if (section == u"consultations"_s) return tr("Consultations and events");
    if (section == u"documents"_s) return tr("Documents and letters");
    return tr("Other");
}

void SearchViewModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    if (m_query.trimmed().isEmpty()) {
        clear();
        return;
    }
    setStatus(Searching);   // rows stay until the new answer comes, so the list does not flash
    m_debounce.start();
}

void SearchViewModel::setDebounceMs(int ms)
{
    if (ms == m_debounce.interval())
        return;
    m_debounce.setInterval(qMax(0, ms));
    Q_EMIT debounceMsChanged();
}

void SearchViewModel::clear()
{
    m_debounce.stop();
    if (!m_query.isEmpty()) {
        m_query.clear();
        Q_EMIT queryChanged();
    }
    m_shownQuery.clear();
    m_errorText.clear();
    m_total = 0;
    replaceRows({});
    setStatus(Idle);
    Q_EMIT statusChanged();
}

void SearchViewModel::searchNow()
{
    m_debounce.stop();
    if (m_query.trimmed().isEmpty()) {
        clear();
        return;
    }
    if (!m_store) {
        setResults(m_query, Error::make(Error::Kind::NotFound, u"no record open"_s));
        return;
    }
    setResults(m_query, RecordSearch(*m_store).query(m_query, kHitsPerSection));
}

void SearchViewModel::refresh()
{
    if (m_db)
        m_indexTick.start();
    if (m_status != Idle)
        searchNow();
}

void SearchViewModel::setResults(const QString &query, const Result<SearchResults> &results)
{
    m_shownQuery = query.trimmed();
    if (!results) {
        m_errorText = results.error().kind == Error::Kind::NotFound
            ? tr("Your record is not available on this device yet. Search works once it has downloaded.")
            : tr("Search isn't working right now. Your record is safe. Please try again.");
        m_total = 0;
        replaceRows({});
        setStatus(Error);
        Q_EMIT statusChanged();
        return;
    }
    m_errorText.clear();
    QList<Row> rows;
    for (const SearchSectionHits &group : results->sections) {
        const QString name = sectionTitle(group.section);
        const QString header = tr("%1 (%2)").arg(name, QLocale().toString(group.count));
        for (const SearchHit &hit : group.hits) {
            Row r;
            r.section = group.section;
            r.sectionTitle = header;
            r.sectionCount = group.count;
            r.title = hit.title.isEmpty() ? untitled(group.section, hit.viaNote) : hit.title;
            r.dateText = RecordViewModel::formatDate(hit.date);
            r.snippet = hit.snippet;
            r.snippetStyled = styled(hit);
            r.resourceType = hit.type;
            r.resourceId = hit.id;
            QStringList parts{r.title};
            if (!r.dateText.isEmpty())
                parts << r.dateText;
            if (!r.snippet.isEmpty())
                parts << tr("matches: %1").arg(r.snippet);
            parts << name;
            r.accessibleText = parts.join(u", "_s) + u'.';
            rows << r;
        }
    }
    m_total = results->total();
    replaceRows(std::move(rows));
    setStatus(m_rows.isEmpty() ? NoResults : Content);
    Q_EMIT statusChanged();   // statusText follows the count and query even when status stays
}

QString SearchViewModel::statusText() const
{
    switch (m_status) {
    case Idle:
        return tr("Search your GP record: problems, medicines, allergies, test results, consultation notes and letters.");
    case Searching:
        return tr("Searching…");
    case NoResults:
        return tr("No results for “%1”. Check the spelling, or try a shorter word.").arg(m_shownQuery);
    case Error:
        return m_errorText;
    case Content:
        return m_total == 1 ? tr("1 result for “%1”").arg(m_shownQuery)
                            : tr("%1 results for “%2”").arg(QLocale().toString(m_total), m_shownQuery);
    }
    return {};
}

void SearchViewModel::setDatabase(CacheDatabase *db)
{
    m_indexTick.stop();
    m_debounce.stop();
    m_store.reset();
    m_db = db;
    setIndexing(false);
    if (m_db) {
        m_store = std::make_unique<ResourceStore>(m_db->database());
        m_indexTick.start();
    }
    clear();
}

// One batch of the rebuild per turn of the event loop, so typing stays responsive.
void SearchViewModel::indexSome()
{
    if (!m_db)
        return;
    auto left = SearchIndexBuilder::run(*m_db, kIndexBatch, kIndexBatch);
    if (!left) {
        setIndexing(false);   // searching still works on what is indexed; try again next refresh
        return;
    }
    setIndexing(*left > 0);
    if (*left > 0)
        m_indexTick.start();
    else if (m_status == Content || m_status == NoResults)
        searchNow();
}

void SearchViewModel::setIndexing(bool on)
{
    if (on == m_indexing)
        return;
    m_indexing = on;
    Q_EMIT indexingChanged();
}

void SearchViewModel::setStatus(Status s)
{
    if (s == m_status)
        return;
    m_status = s;
    Q_EMIT statusChanged();
}

void SearchViewModel::replaceRows(QList<Row> rows)
{
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

} // namespace hearth
