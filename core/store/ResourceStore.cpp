#include "ResourceStore.h"

#include "SearchTokenizer.h"
#include "SqlCipherDriver.h"
#include "StoreSql.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cstring>

namespace hearth {

using store_detail::exec;
using store_detail::orNull;
using store_detail::prepare;

namespace {

const QString kColumns = QStringLiteral(
    "type, id, version_id, last_updated, effective_date, code_system, code, status, json, encounter_id");
const QString kOrder = QStringLiteral(" ORDER BY effective_date DESC, last_updated DESC, id LIMIT ?");

// Empty optional columns are stored as NULL so they sort after any date.
StoredResource fromRow(const QSqlQuery &q)
{
    StoredResource r;
    r.type = q.value(0).toString();
    r.id = q.value(1).toString();
    r.versionId = q.value(2).toString();
    r.lastUpdated = q.value(3).toString();
    r.effectiveDate = q.value(4).toString();
    r.codeSystem = q.value(5).toString();
    r.code = q.value(6).toString();
    r.status = q.value(7).toString();
    r.json = q.value(8).toByteArray();
    r.encounterId = q.value(9).toString();
    return r;
}

// The search document of a resource's text: NULL when it was never extracted, 0 when it has no
// words, else a positive 62-bit hash of its sorted tokens (equal words share one document).
QVariant searchDocFor(const std::optional<QString> &searchText, QStringList *tokens)
{
    if (!searchText)
        return QVariant(QMetaType::fromType<qint64>());
    // A record repeats itself (49k resources had 149 distinct texts in the sandbox): remember
    // recent texts so sync folds, tokenizes and hashes each text once. Kept small: the repeating
    // texts fit in 512, while free-text notes are unique, and holding thousands of them made a
    // sync's memory grow with the record (7 MB at 50k resources; hearth-bench rss_growth).
    struct Known {
        qint64 doc;
        QStringList tokens;
    };
    thread_local QHash<QString, Known> recent;
    if (auto it = recent.constFind(*searchText); it != recent.cend()) {
        *tokens = it->tokens;
        return QVariant(it->doc);
    }
    *tokens = SearchTokenizer::indexTokens(*searchText);
    qint64 doc = 0;
    if (!tokens->isEmpty()) {
        QStringList sorted = *tokens;
        std::sort(sorted.begin(), sorted.end());
        const QByteArray digest = QCryptographicHash::hash(sorted.join(u'\n').toUtf8(), QCryptographicHash::Sha1);
        quint64 bits = 0;
        std::memcpy(&bits, digest.constData(), sizeof bits);
        doc = qint64(bits & 0x3FFFFFFFFFFFFFFFull);
        if (doc == 0)
            doc = 1;
    }
    if (recent.size() >= 512)
        recent.clear();
    recent.insert(*searchText, Known{doc, *tokens});
    return QVariant(doc);
}

bool isRealDoc(const QVariant &doc)
{
    return !doc.isNull() && doc.toLongLong() > 0;
}

Result<QList<StoredResource>> readAll(QSqlQuery &q, const QString &what)
{
    if (Status s = exec(q, what); !s)
        return s.error();
    QList<StoredResource> out;
    while (q.next())
        out.append(fromRow(q));
    if (q.lastError().isValid())
        return store_detail::sqlError(what, q.lastError());
    return out;
}

} // namespace

ResourceStore::ResourceStore(QSqlDatabase db) : m_db(std::move(db)) {}

// put() is DELETE + INSERT rather than INSERT OR REPLACE: REPLACE makes SQLite keep a statement
// journal, and SQLCipher encrypts every page written to it, which made bulk ingest ~8x slower
// (measured: 6k vs 48k rows/s with the three indexes). Both run in one transaction.
Status ResourceStore::put(const StoredResource &r)
{
    if (r.type.isEmpty() || r.id.isEmpty())
        return Error::make(Error::Kind::Config, QStringLiteral("resource needs a type and an id"));
    if (!m_insert) {
        auto del = std::make_unique<QSqlQuery>(m_db);
        auto ins = std::make_unique<QSqlQuery>(m_db);
        if (Status s = prepare(*del, QStringLiteral("DELETE FROM resources WHERE type = ? AND id = ?"),
                               QStringLiteral("prepare resource put"));
            !s)
            return s;
        if (Status s = prepare(*ins,
                               QStringLiteral("INSERT INTO resources (") + kColumns
                                   + QStringLiteral(", search_doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                               QStringLiteral("prepare resource put"));
            !s)
            return s;
        m_delete = std::move(del);
        m_insert = std::move(ins);
    }
    if (Status s = prepareIndexStatements(); !s)
        return s;
    // Not inside a caller's transaction: the delete+insert pair and the index are atomic on their own.
    return atomically([&] { return putPrepared(r); });
}

// The search index changes with the row, in the same transaction: the old document loses a user
// (its tokens go when nobody else uses it), the new one gains one (its tokens are written when it
// is new). Most resources repeat a document already indexed, which costs one index lookup.
Status ResourceStore::putPrepared(const StoredResource &r)
{
    QStringList tokens;
    // A withdrawn entry is stored (if at all) with nothing to find it by.
    const QVariant newDoc = r.status == QLatin1String("entered-in-error") ? QVariant(qint64(0))
                                                                          : searchDocFor(r.searchText, &tokens);
    // One lookup answers all three questions: is there a row to replace, which document did it
    // use, and does another row already use the new document (so its tokens exist)?
    QSqlQuery &look = *m_lookup;
    look.bindValue(0, isRealDoc(newDoc) ? newDoc : QVariant(QMetaType::fromType<qint64>()));
    look.bindValue(1, r.type);
    look.bindValue(2, r.id);
    if (Status s = exec(look, QStringLiteral("look up resource")); !s)
        return s;
    if (!look.next())
        return store_detail::sqlError(QStringLiteral("look up resource"), look.lastError());
    const bool exists = look.value(0).toLongLong() > 0;
    const QVariant oldDoc = look.value(1);
    const bool newDocUsed = look.value(2).toBool();
    look.finish();
    const bool sameDoc = !oldDoc.isNull() && !newDoc.isNull() && oldDoc.toLongLong() == newDoc.toLongLong();
    const bool needTerms = !sameDoc && isRealDoc(newDoc) && !newDocUsed;

    if (exists) {
        QSqlQuery &del = *m_delete;
        del.bindValue(0, r.type);
        del.bindValue(1, r.id);
        if (Status s = exec(del, QStringLiteral("store resource (replace)")); !s)
            return s;
    }

    QSqlQuery &q = *m_insert;
    q.bindValue(0, r.type);
    q.bindValue(1, r.id);
    q.bindValue(2, orNull(r.versionId));
    q.bindValue(3, r.lastUpdated.isNull() ? QString(QLatin1String("")) : r.lastUpdated);
    q.bindValue(4, orNull(r.effectiveDate));
    q.bindValue(5, orNull(r.codeSystem));
    q.bindValue(6, orNull(r.code));
    q.bindValue(7, orNull(r.status));
    q.bindValue(8, r.json.isNull() ? QByteArray("") : r.json);
    q.bindValue(9, orNull(r.encounterId));
    q.bindValue(10, newDoc);
    if (Status s = exec(q, QStringLiteral("store resource")); !s)
        return s;
    if (sameDoc)
        return {};
    if (needTerms)
        if (Status s = writeSearchTerms(newDoc.toLongLong(), tokens); !s)
            return s;
    return releaseSearchDoc(oldDoc);
}

Status ResourceStore::prepareIndexStatements()
{
    if (m_insertTerm)
        return {};
    const QString what = QStringLiteral("prepare search index");
    auto oldDoc = std::make_unique<QSqlQuery>(m_db);
    auto lookup = std::make_unique<QSqlQuery>(m_db);
    auto used = std::make_unique<QSqlQuery>(m_db);
    auto term = std::make_unique<QSqlQuery>(m_db);
    auto drop = std::make_unique<QSqlQuery>(m_db);
    oldDoc->setForwardOnly(true);
    lookup->setForwardOnly(true);
    used->setForwardOnly(true);
    if (Status s = prepare(*lookup, QStringLiteral("SELECT count(*), max(search_doc), "
                                                   "EXISTS (SELECT 1 FROM resources WHERE search_doc = ?) "
                                                   "FROM resources WHERE type = ? AND id = ?"), what); !s)
        return s;
    if (Status s = prepare(*oldDoc, QStringLiteral("SELECT search_doc FROM resources WHERE type = ? AND id = ?"), what); !s)
        return s;
    if (Status s = prepare(*used, QStringLiteral("SELECT 1 FROM resources WHERE search_doc = ? LIMIT 1"), what); !s)
        return s;
    // OR IGNORE: a document is new when no resource uses it, but be safe against leftovers.
    if (Status s = prepare(*term, QStringLiteral("INSERT OR IGNORE INTO search_terms (token, doc) VALUES (?, ?)"), what); !s)
        return s;
    if (Status s = prepare(*drop, QStringLiteral("DELETE FROM search_terms WHERE doc = ?"), what); !s)
        return s;
    m_oldDoc = std::move(oldDoc);
    m_lookup = std::move(lookup);
    m_docUsed = std::move(used);
    m_insertTerm = std::move(term);
    m_deleteTerms = std::move(drop);
    return {};
}

// The row's current document (NULL if the row or its document is absent).
Result<QVariant> ResourceStore::oldSearchDoc(const QString &type, const QString &id)
{
    QSqlQuery &q = *m_oldDoc;
    q.bindValue(0, type);
    q.bindValue(1, id);
    if (Status s = exec(q, QStringLiteral("read search document")); !s)
        return s.error();
    QVariant doc;
    if (q.next())
        doc = q.value(0);
    q.finish();
    return doc;
}

Result<bool> ResourceStore::searchDocUsed(qint64 doc)
{
    QSqlQuery &used = *m_docUsed;
    used.bindValue(0, doc);
    if (Status s = exec(used, QStringLiteral("look up search document")); !s)
        return s.error();
    const bool found = used.next();
    used.finish();
    return found;
}

Status ResourceStore::writeSearchTerms(qint64 doc, const QStringList &tokens)
{
    QSqlQuery &term = *m_insertTerm;
    for (const QString &token : tokens) {
        term.bindValue(0, token);
        term.bindValue(1, doc);
        if (Status s = exec(term, QStringLiteral("write search term")); !s)
            return s;
    }
    return {};
}

// Drops the tokens of a document no resource uses any more: nothing of a removed entry stays.
Status ResourceStore::releaseSearchDoc(const QVariant &doc)
{
    if (!isRealDoc(doc))
        return {};
    auto stillUsed = searchDocUsed(doc.toLongLong());
    if (!stillUsed)
        return stillUsed.error();
    if (*stillUsed)
        return {};
    QSqlQuery &drop = *m_deleteTerms;
    drop.bindValue(0, doc.toLongLong());
    return exec(drop, QStringLiteral("drop search terms"));
}

Status ResourceStore::remove(const QString &type, const QString &id)
{
    if (Status s = prepareIndexStatements(); !s)
        return s;
    return atomically([&]() -> Status {
        auto oldDoc = oldSearchDoc(type, id);
        if (!oldDoc)
            return oldDoc.error();
        QSqlQuery q(m_db);
        if (Status s = prepare(q, QStringLiteral("DELETE FROM resources WHERE type = ? AND id = ?"),
                               QStringLiteral("prepare resource remove"));
            !s)
            return s;
        q.addBindValue(type);
        q.addBindValue(id);
        if (Status s = exec(q, QStringLiteral("remove resource")); !s)
            return s;
        return releaseSearchDoc(*oldDoc);
    });
}

// Runs fn in the caller's transaction if there is one, else in its own.
Status ResourceStore::atomically(const std::function<Status()> &fn)
{
    if (sqlCipherInTransaction(m_db))
        return fn();
    if (!m_db.transaction())
        return store_detail::sqlError(QStringLiteral("begin transaction"), m_db.lastError());
    Status s = fn();
    if (s && !m_db.commit())
        s = store_detail::sqlError(QStringLiteral("commit"), m_db.lastError());
    if (!s)
        m_db.rollback();
    return s;
}

Status ResourceStore::setSearchText(const QString &type, const QString &id, const QString &searchText,
                                    const QString &encounterId)
{
    if (Status s = prepareIndexStatements(); !s)
        return s;
    return atomically([&]() -> Status {
        QStringList tokens;
        const QVariant newDoc = searchDocFor(std::optional<QString>(searchText), &tokens);
        auto oldDoc = oldSearchDoc(type, id);
        if (!oldDoc)
            return oldDoc.error();
        const bool sameDoc = !oldDoc->isNull() && oldDoc->toLongLong() == newDoc.toLongLong();
        bool needTerms = false;
        if (!sameDoc && isRealDoc(newDoc)) {
            auto used = searchDocUsed(newDoc.toLongLong());
            if (!used)
                return used.error();
            needTerms = !*used;
        }
        QSqlQuery q(m_db);
        if (Status s = prepare(q, QStringLiteral("UPDATE resources SET search_doc = ?, encounter_id = ? WHERE type = ? AND id = ?"),
                               QStringLiteral("prepare search document update"));
            !s)
            return s;
        q.addBindValue(newDoc);
        q.addBindValue(orNull(encounterId));
        q.addBindValue(type);
        q.addBindValue(id);
        if (Status s = exec(q, QStringLiteral("update search document")); !s)
            return s;
        if (q.numRowsAffected() == 0 || sameDoc)
            return {};   // the resource is gone, or its words did not change
        if (needTerms)
            if (Status s = writeSearchTerms(newDoc.toLongLong(), tokens); !s)
                return s;
        return releaseSearchDoc(*oldDoc);
    });
}

Status ResourceStore::clearSearchIndex()
{
    return atomically([&]() -> Status {
        if (Status s = store_detail::execSql(m_db, QStringLiteral("UPDATE resources SET search_doc = NULL"),
                                             QStringLiteral("clear search documents"));
            !s)
            return s;
        return store_detail::execSql(m_db, QStringLiteral("DELETE FROM search_terms"),
                                     QStringLiteral("clear search terms"));
    });
}

Result<qint64> ResourceStore::unindexedCount() const
{
    auto n = store_detail::scalar(m_db, QStringLiteral("SELECT count(*) FROM resources WHERE search_doc IS NULL"),
                                  QStringLiteral("count unindexed resources"));
    if (!n)
        return n.error();
    return n->toLongLong();
}

Result<QList<StoredResource>> ResourceStore::unindexed(int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (Status s = prepare(q, QStringLiteral("SELECT ") + kColumns
                                  + QStringLiteral(" FROM resources WHERE search_doc IS NULL LIMIT ?"),
                           QStringLiteral("prepare unindexed resources"));
        !s)
        return s.error();
    q.addBindValue(qint64(qMax(limit, 1)));
    return readAll(q, QStringLiteral("list unindexed resources"));
}

namespace {

// The WHERE clause shared by search() and searchCount(), with its binds in order. One range scan
// of search_terms per word, intersected on the document; then resources_by_search_doc (which
// covers every column used here) by document and type, so no table row is read.
QString searchWhere(const QStringList &prefixes, const SearchFilter &filter, QVariantList &binds)
{
    QStringList ranges;
    for (const QString &prefix : prefixes) {
        const QString upper = SearchTokenizer::prefixUpperBound(prefix);
        if (upper.isEmpty()) {
            ranges << QStringLiteral("SELECT doc FROM search_terms WHERE token >= ?");
            binds << prefix;
        } else {
            ranges << QStringLiteral("SELECT doc FROM search_terms WHERE token >= ? AND token < ?");
            binds << prefix << upper;
        }
    }
    QStringList typeMarks;
    for (const QString &type : filter.types) {
        typeMarks << QStringLiteral("?");
        binds << type;
    }
    QString where = QStringLiteral(" WHERE search_doc IN (") + ranges.join(QStringLiteral(" INTERSECT "))
        + QStringLiteral(") AND type IN (") + typeMarks.join(u',') + u')';
    if (!filter.codedType.isEmpty()) {
        where += filter.keepCode ? QStringLiteral(" AND (type <> ? OR code IS ?)")
                                 : QStringLiteral(" AND (type <> ? OR code IS NOT ?)");
        binds << filter.codedType << filter.code;
    }
    return where;
}

QSqlQuery preparedSearch(const QSqlDatabase &db, const QString &sql, const QVariantList &binds, Status &status)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    status = prepare(q, sql, QStringLiteral("prepare search"));
    if (status) {
        for (const QVariant &v : binds)
            q.addBindValue(v);
        status = exec(q, QStringLiteral("search"));
    }
    return q;
}

} // namespace

namespace {

// Newest first; ties by id, descending, the order an index walked backwards gives.
bool newerFirst(const SearchMatch &a, const SearchMatch &b)
{
    if (a.effectiveDate != b.effectiveDate)
        return a.effectiveDate > b.effectiveDate;   // empty (undated) sorts last
    return a.id > b.id;
}

Result<QList<SearchMatch>> readMatches(QSqlQuery &q)
{
    QList<SearchMatch> out;
    while (q.next()) {
        SearchMatch m;
        m.type = q.value(0).toString();
        m.id = q.value(1).toString();
        m.effectiveDate = q.value(2).toString();
        m.code = q.value(3).toString();
        m.encounterId = q.value(4).toString();
        out.append(std::move(m));
    }
    if (q.lastError().isValid())
        return store_detail::sqlError(QStringLiteral("search"), q.lastError());
    return out;
}

// Above this many (document, type) pairs one sorted query is cheaper than a walk per pair.
constexpr qsizetype kMaxWalks = 96;

} // namespace

Result<QList<qint64>> ResourceStore::searchDocs(const QStringList &prefixes) const
{
    QVariantList binds;
    QStringList ranges;
    for (const QString &prefix : prefixes) {
        const QString upper = SearchTokenizer::prefixUpperBound(prefix);
        ranges << (upper.isEmpty() ? QStringLiteral("SELECT doc FROM search_terms WHERE token >= ?")
                                   : QStringLiteral("SELECT doc FROM search_terms WHERE token >= ? AND token < ?"));
        binds << prefix;
        if (!upper.isEmpty())
            binds << upper;
    }
    Status status;
    QSqlQuery q = preparedSearch(m_db, ranges.join(QStringLiteral(" INTERSECT ")), binds, status);
    if (!status)
        return status.error();
    QList<qint64> docs;
    while (q.next())
        docs.append(q.value(0).toLongLong());
    if (q.lastError().isValid())
        return store_detail::sqlError(QStringLiteral("search documents"), q.lastError());
    return docs;
}

// Two plans. Usually a search matches a handful of documents (each shared by many resources):
// then each (document, type) is read newest first straight from resources_by_search_doc,
// walked backwards, only as far as needed, and the short lists are merged here. A very broad
// prefix ("a") matches many documents: then one query sorts all matches.
Result<QList<SearchMatch>> ResourceStore::search(const QStringList &prefixes, const SearchFilter &filter, int limit,
                                                 int offset) const
{
    QList<SearchMatch> out;
    if (prefixes.isEmpty() || filter.types.isEmpty())
        return out;
    offset = qMax(offset, 0);
    auto docs = searchDocs(prefixes);
    if (!docs)
        return docs.error();
    if (docs->isEmpty())
        return out;

    if (limit > 0 && docs->size() * filter.types.size() <= kMaxWalks) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        QString sql = QStringLiteral("SELECT type, id, effective_date, code, encounter_id FROM resources "
                                     "WHERE search_doc = ? AND type = ?");
        if (!filter.codedType.isEmpty())
            sql += filter.keepCode ? QStringLiteral(" AND (type <> ? OR code IS ?)") : QStringLiteral(" AND (type <> ? OR code IS NOT ?)");
        sql += QStringLiteral(" ORDER BY effective_date DESC, id DESC LIMIT ?");
        if (Status s = prepare(q, sql, QStringLiteral("prepare search walk")); !s)
            return s.error();
        const int want = offset + limit;
        for (qint64 doc : std::as_const(docs.value())) {
            for (const QString &type : filter.types) {
                int i = 0;
                q.bindValue(i++, doc);
                q.bindValue(i++, type);
                if (!filter.codedType.isEmpty()) {
                    q.bindValue(i++, filter.codedType);
                    q.bindValue(i++, filter.code);
                }
                q.bindValue(i++, want);
                if (Status s = exec(q, QStringLiteral("search walk")); !s)
                    return s.error();
                auto rows = readMatches(q);
                if (!rows)
                    return rows.error();
                out.append(rows.value());
            }
        }
        std::sort(out.begin(), out.end(), newerFirst);
        return out.mid(offset, limit);
    }

    QVariantList binds;
    const QString sql = QStringLiteral("SELECT type, id, effective_date, code, encounter_id FROM resources")
        + searchWhere(prefixes, filter, binds) + QStringLiteral(" ORDER BY effective_date DESC, id DESC LIMIT ? OFFSET ?");
    binds << qint64(limit > 0 ? limit : -1) << qint64(offset);
    Status status;
    QSqlQuery q = preparedSearch(m_db, sql, binds, status);
    if (!status)
        return status.error();
    return readMatches(q);
}

Result<qint64> ResourceStore::searchCount(const QStringList &prefixes, const SearchFilter &filter) const
{
    if (prefixes.isEmpty() || filter.types.isEmpty())
        return qint64(0);
    QVariantList binds;
    // (type, id) is unique: only grouping notes by consultation needs DISTINCT (and its temp b-tree).
    QString counted = QStringLiteral("count(*)");
    if (filter.asEncounter && !filter.codedType.isEmpty()) {
        counted = QStringLiteral("count(DISTINCT CASE WHEN type = ? AND encounter_id IS NOT NULL "
                                 "THEN 'Encounter|' || encounter_id ELSE type || '|' || id END)");
        binds << filter.codedType;
    }
    const QString sql = QStringLiteral("SELECT ") + counted + QStringLiteral(" FROM resources")
        + searchWhere(prefixes, filter, binds);
    Status status;
    QSqlQuery q = preparedSearch(m_db, sql, binds, status);
    if (!status)
        return status.error();
    if (!q.next())
        return store_detail::sqlError(QStringLiteral("search count"), q.lastError());
    return q.value(0).toLongLong();
}

Result<qint64> ResourceStore::count(const QString &type) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (Status s = prepare(q, QStringLiteral("SELECT count(*) FROM resources WHERE type = ?"),
                           QStringLiteral("prepare resource count"));
        !s)
        return s.error();
    q.addBindValue(type);
    if (Status s = exec(q, QStringLiteral("count resources")); !s)
        return s.error();
    if (!q.next())
        return store_detail::sqlError(QStringLiteral("count resources"), q.lastError());
    return q.value(0).toLongLong();
}

Result<QMap<QString, qint64>> ResourceStore::countsByType() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT type, count(*) FROM resources GROUP BY type")))
        return store_detail::sqlError(QStringLiteral("count resources by type"), q.lastError());
    QMap<QString, qint64> counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toLongLong());
    if (q.lastError().isValid())
        return store_detail::sqlError(QStringLiteral("count resources by type"), q.lastError());
    return counts;
}

Result<std::optional<StoredResource>> ResourceStore::get(const QString &type, const QString &id) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (Status s = prepare(q, QStringLiteral("SELECT ") + kColumns
                                  + QStringLiteral(" FROM resources WHERE type = ? AND id = ?"),
                           QStringLiteral("prepare resource get"));
        !s)
        return s.error();
    q.addBindValue(type);
    q.addBindValue(id);
    auto rows = readAll(q, QStringLiteral("read resource"));
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<StoredResource>();
    return std::optional<StoredResource>(rows->first());
}

Result<bool> ResourceStore::exists(const QString &type, const QString &id) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (Status s = prepare(q, QStringLiteral("SELECT 1 FROM resources WHERE type = ? AND id = ? LIMIT 1"),
                           QStringLiteral("prepare resource exists"));
        !s)
        return s.error();
    q.addBindValue(type);
    q.addBindValue(id);
    if (Status s = exec(q, QStringLiteral("check resource")); !s)
        return s.error();
    const bool found = q.next();
    if (!found && q.lastError().isValid())
        return store_detail::sqlError(QStringLiteral("check resource"), q.lastError());
    return found;
}

Result<QList<StoredResource>> ResourceStore::list(const QString &type, int limit, const QString &status) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM resources WHERE type = ?");
    if (!status.isEmpty())
        sql += QStringLiteral(" AND status = ?");
    if (Status s = prepare(q, sql + kOrder, QStringLiteral("prepare resource list")); !s)
        return s.error();
    q.addBindValue(type);
    if (!status.isEmpty())
        q.addBindValue(status);
    q.addBindValue(limit > 0 ? qint64(limit) : qint64(-1)); // LIMIT -1 = no limit
    return readAll(q, QStringLiteral("list resources"));
}

Result<QList<StoredResource>> ResourceStore::listPage(const QString &type, int offset, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM resources WHERE type = ?")
        + kOrder + QStringLiteral(" OFFSET ?");
    if (Status s = prepare(q, sql, QStringLiteral("prepare resource page")); !s)
        return s.error();
    q.addBindValue(type);
    q.addBindValue(limit > 0 ? qint64(limit) : qint64(-1));
    q.addBindValue(qint64(qMax(0, offset)));
    return readAll(q, QStringLiteral("list resource page"));
}

Result<QList<StoredResource>> ResourceStore::listBetween(const QString &type, const QString &from,
                                                         const QString &to) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM resources WHERE type = ? AND effective_date >= ? AND effective_date < ?") + kOrder;
    if (Status s = prepare(q, sql, QStringLiteral("prepare resource list by date")); !s)
        return s.error();
    q.addBindValue(type);
    q.addBindValue(from);
    q.addBindValue(to);
    q.addBindValue(qint64(-1));
    return readAll(q, QStringLiteral("list resources by date"));
}

Result<QList<StoredResource>> ResourceStore::listByCode(const QString &type, const QString &codeSystem,
                                                        const QString &code, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM resources WHERE type = ? AND code_system IS ? AND code = ?") + kOrder;
    if (Status s = prepare(q, sql, QStringLiteral("prepare resource list by code")); !s)
        return s.error();
    q.addBindValue(type);
    q.addBindValue(orNull(codeSystem));
    q.addBindValue(code);
    q.addBindValue(limit > 0 ? qint64(limit) : qint64(-1));
    return readAll(q, QStringLiteral("list resources by code"));
}

Result<QList<QString>> ResourceStore::ids(const QString &type) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (Status s = prepare(q, QStringLiteral("SELECT id FROM resources WHERE type = ? ORDER BY id"),
                           QStringLiteral("prepare resource ids"));
        !s)
        return s.error();
    q.addBindValue(type);
    if (Status s = exec(q, QStringLiteral("list resource ids")); !s)
        return s.error();
    QList<QString> out;
    while (q.next())
        out.append(q.value(0).toString());
    if (q.lastError().isValid())
        return store_detail::sqlError(QStringLiteral("list resource ids"), q.lastError());
    return out;
}

} // namespace hearth

namespace hearth {
ResourceStore::~ResourceStore() = default;
ResourceStore::ResourceStore(ResourceStore &&) noexcept = default;
ResourceStore &ResourceStore::operator=(ResourceStore &&) noexcept = default;
} // namespace hearth
