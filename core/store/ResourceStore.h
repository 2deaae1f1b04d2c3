#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

class QSqlQuery;

namespace hearth {

struct StoredResource {
    QString type;
    QString id;
    QString versionId;
    QString lastUpdated;     // FHIR instant text as sent, e.g. 2024-05-03T08:14:00.000Z
    QString effectiveDate;   // ISO 8601 date/dateTime text or empty; sorted as text
    QString codeSystem;
    QString code;
    QString status;
    QByteArray json;         // raw resource JSON exactly as the server sent it
    // The words search should find this resource by (ResourceIndexer fills it), text fragments
    // separated by newlines. Written to the search index by put(), never stored as text and never
    // read back: get()/list() leave it unset. Unset = "not extracted" (a later rebuild indexes it);
    // an empty string = "nothing to index".
    std::optional<QString> searchText;
    // The id of the Encounter this entry was recorded in (encounter.reference "Encounter/<id>"), or empty.
    QString encounterId;

    friend bool operator==(const StoredResource &, const StoredResource &) = default;
};

// Which resources one part of a search looks at (e.g. one record section).
struct SearchFilter {
    QStringList types;
    // Rows of `codedType` are kept only if their code is `code` (keepCode) or is not (!keepCode):
    // consultation notes are Observations with one code, test results are the other Observations.
    QString codedType;
    QString code;
    bool keepCode = true;
    // Count a kept row of `codedType` that names an encounter as that Encounter (a consultation
    // with three matching notes is one match).
    bool asEncounter = false;
};

// One resource matched by a search: what a search screen needs to rank and group it.
struct SearchMatch {
    QString type;
    QString id;
    QString effectiveDate;
    QString code;
    QString encounterId;
};

// The `resources` table: raw FHIR JSON plus the few columns lists filter and sort on.
// put()'s statements are prepared once per instance; use an instance on the connection's thread
// only, and destroy it before the CacheDatabase it reads.
class ResourceStore {
public:
    explicit ResourceStore(QSqlDatabase db);
    Status put(const StoredResource &resource);                  // insert or replace by (type, id)
    Status remove(const QString &type, const QString &id);
    Result<qint64> count(const QString &type) const;
    Result<QMap<QString, qint64>> countsByType() const;
    Result<std::optional<StoredResource>> get(const QString &type, const QString &id) const;
    // Whether a row is stored, without reading (or decrypting more than an index page of) it:
    // a downloaded attachment is megabytes.
    Result<bool> exists(const QString &type, const QString &id) const;
    // Newest first (effective_date DESC, last_updated DESC, id); limit <= 0 means all; empty status = any.
    Result<QList<StoredResource>> list(const QString &type, int limit = 0, const QString &status = {}) const;
    // Same ordering, one code.
    Result<QList<StoredResource>> listByCode(const QString &type, const QString &codeSystem,
                                             const QString &code, int limit = 0) const;
    // One page of list()'s ordering: rows [offset, offset + limit). For section lists that page.
    Result<QList<StoredResource>> listPage(const QString &type, int offset, int limit) const;
    // Rows whose effective_date text is in [from, to) (ISO text compare on the date index), same ordering.
    Result<QList<StoredResource>> listBetween(const QString &type, const QString &from, const QString &to) const;
    // All ids stored for a type (for sync to find entries that disappeared from the server).
    Result<QList<QString>> ids(const QString &type) const;

    // --- whole-record search (index kept in step by put()/remove(), in their transaction) ---
    // Resources whose text has, for every word in `prefixes`, a word starting with it (AND across
    // words), within `filter`, never entered-in-error; newest first (ties: id descending),
    // `limit` rows (<= 0: all) from `offset`.
    Result<QList<SearchMatch>> search(const QStringList &prefixes, const SearchFilter &filter, int limit,
                                      int offset = 0) const;
    // The search documents holding a word that starts with each of `prefixes`.
    Result<QList<qint64>> searchDocs(const QStringList &prefixes) const;
    // How many distinct entries search() would return without a limit (asEncounter applied).
    Result<qint64> searchCount(const QStringList &prefixes, const SearchFilter &filter) const;
    // Up to `limit` resources never indexed (searchText was null, or the index was cleared).
    Result<QList<StoredResource>> unindexed(int limit) const;
    // Indexes one stored resource's text without rewriting the row (rebuilds).
    Status setSearchText(const QString &type, const QString &id, const QString &searchText,
                         const QString &encounterId = {});
    // How many resources are not indexed yet (rebuild progress).
    Result<qint64> unindexedCount() const;
    // Forgets the whole index; every resource becomes "not indexed yet".
    Status clearSearchIndex();

    ~ResourceStore();
    ResourceStore(ResourceStore &&) noexcept;
    ResourceStore &operator=(ResourceStore &&) noexcept;

private:
    QSqlDatabase m_db;
    Status putPrepared(const StoredResource &resource);
    Status prepareIndexStatements();
    Status atomically(const std::function<Status()> &fn);
    Result<QVariant> oldSearchDoc(const QString &type, const QString &id);
    Result<bool> searchDocUsed(qint64 doc);
    Status writeSearchTerms(qint64 doc, const QStringList &tokens);
    Status releaseSearchDoc(const QVariant &doc);
    std::unique_ptr<QSqlQuery> m_delete;   // prepared on first put, reused
    std::unique_ptr<QSqlQuery> m_insert;
    std::unique_ptr<QSqlQuery> m_oldDoc;
    std::unique_ptr<QSqlQuery> m_lookup;
    std::unique_ptr<QSqlQuery> m_docUsed;
    std::unique_ptr<QSqlQuery> m_insertTerm;
    std::unique_ptr<QSqlQuery> m_deleteTerms;

};

} // namespace hearth
