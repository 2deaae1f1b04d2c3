#pragma once

#include "RecordSearch.h"

#include <QAbstractListModel>
#include <QTimer>

#include <memory>

namespace hearth {

class CacheDatabase;
class ResourceStore;

// Whole-record search as you type. Set `query`; after a short pause (debounceMs) the record is
// searched and the rows are the hits, grouped by section (QML: ListView.section.property
// "sectionTitle"). All wording is translated here.
//
// Roles: section (machine name, e.g. "consultations"), sectionTitle ("Consultations (2)"),
// sectionCount, title, dateText, snippet (plain text), snippetStyled (escaped StyledText with the
// matched word in bold), resourceType, resourceId (what to open), accessibleText.
//
// It also finishes building the search index of a database written before search existed, a
// little at a time while the app is idle (`indexing` is true meanwhile).
class SearchViewModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    // "12 results for “cough”", "No results for “cough”", the error, or a hint when idle.
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalMatches READ totalMatches NOTIFY statusChanged)
    Q_PROPERTY(bool indexing READ indexing NOTIFY indexingChanged)
    Q_PROPERTY(int debounceMs READ debounceMs WRITE setDebounceMs NOTIFY debounceMsChanged)

public:
    // Idle: no query yet. Searching: waiting for the pause or running. NoResults, Error, Content.
    enum Status { Idle, Searching, NoResults, Error, Content };
    Q_ENUM(Status)

    enum Role {
        SectionRole = Qt::UserRole + 1,
        SectionTitleRole,
        SectionCountRole,
        TitleRole,
        DateTextRole,
        SnippetRole,
        SnippetStyledRole,
        ResourceTypeRole,
        ResourceIdRole,
        AccessibleTextRole,
    };
    Q_ENUM(Role)

    struct Row {
        QString section;
        QString sectionTitle;
        int sectionCount = 0;
        QString title;
        QString dateText;
        QString snippet;
        QString snippetStyled;
        QString resourceType;
        QString resourceId;
        QString accessibleText;
    };

    explicit SearchViewModel(QObject *parent = nullptr);
    ~SearchViewModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString query() const { return m_query; }
    void setQuery(const QString &query);
    Status status() const { return m_status; }
    QString statusText() const;
    int totalMatches() const { return m_total; }
    bool indexing() const { return m_indexing; }
    int debounceMs() const { return m_debounce.interval(); }
    void setDebounceMs(int ms);
    Row row(int i) const { return m_rows.value(i); }

    // The open patient database (nullptr when signed out: everything is cleared). Not owned; call
    // with nullptr before the database is closed.
    void setDatabase(CacheDatabase *db);
    // Runs the current query now (Enter key), skipping the pause.
    Q_INVOKABLE void searchNow();
    Q_INVOKABLE void clear();
    // The record changed (a sync finished): index what is new and search again.
    Q_INVOKABLE void refresh();

    // Data entry point searchNow() uses; public so tests can feed results without a database.
    void setResults(const QString &query, const Result<SearchResults> &results);
    static QString sectionTitle(const QString &section);
    // Most hits listed per section.
    static constexpr int kHitsPerSection = 20;

Q_SIGNALS:
    void queryChanged();
    void statusChanged();
    void countChanged();
    void indexingChanged();
    void debounceMsChanged();

private:
    void setStatus(Status s);
    void replaceRows(QList<Row> rows);
    void indexSome();
    void setIndexing(bool on);

    CacheDatabase *m_db = nullptr;
    std::unique_ptr<ResourceStore> m_store;
    QString m_query;
    QString m_shownQuery;      // the query the rows answer
    QString m_errorText;
    QList<Row> m_rows;
    Status m_status = Idle;
    int m_total = 0;
    bool m_indexing = false;
    QTimer m_debounce;
    QTimer m_indexTick;
};

} // namespace hearth
