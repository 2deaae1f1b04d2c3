#pragma once

#include "ResultsTypes.h"

#include <QAbstractListModel>
#include <QVariantMap>

#include <memory>

namespace hearth {

class ResultsDetailModel;
class ResultsPager;
class ResultsRepository;
class TrendModel;
class TrendRepository;

// The test results section: entries newest first (a report with its results, a panel, or a single
// result), a page at a time (fetchMore), with a detail model and a trend model for drill-down.
// States: Loading / Empty / Error / Content, plus "Updated N minutes ago" from the app.
//
// Roles: entryId, resourceType, kind ("report" | "panel" | "single"), title, dateText, timeText,
// statusCode, statusText, summaryText, flag, flagText, colourRole, conclusion, accessibleText,
// rows (list of ResultsText::row maps: observationId, title, valueText, unit, rangeText, flag,
// flagText, colourRole, dateText, statusCode, statusText, canTrend, accessibleText, ...).
class ResultsViewModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY statusChanged)
    Q_PROPERTY(QString emptyText READ emptyText CONSTANT)
    Q_PROPERTY(QString updatedText READ updatedText NOTIFY updatedTextChanged)
    Q_PROPERTY(bool canLoadMore READ canLoadMore NOTIFY countChanged)
    // A further page could not be read: the rows already shown stay; the footer offers "Try again".
    Q_PROPERTY(QString loadMoreError READ loadMoreError NOTIFY countChanged)
    Q_PROPERTY(QObject *detail READ detail CONSTANT)
    Q_PROPERTY(QObject *trend READ trend CONSTANT)

public:
    enum Status { Loading, Empty, Error, Content };
    Q_ENUM(Status)
    enum Role {
        EntryIdRole = Qt::UserRole + 1, ResourceTypeRole, KindRole, TitleRole, DateTextRole, TimeTextRole,
        StatusCodeRole, StatusTextRole, SummaryTextRole, FlagRole, FlagTextRole, ColourRoleRole, ConclusionRole,
        AccessibleTextRole, RowsRole
    };

    explicit ResultsViewModel(QObject *parent = nullptr);
    ~ResultsViewModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    Status status() const { return m_status; }
    QString errorText() const { return m_errorText; }
    QString emptyText() const;
    QString updatedText() const { return m_updatedText; }
    bool canLoadMore() const;
    QObject *detail() const;
    QObject *trend() const;
    ResultsDetailModel *detailModel() const { return m_detail; }
    TrendModel *trendModel() const { return m_trend; }

    // Both null: signed out, everything cleared. Otherwise reloads the first page at once.
    void setRepositories(const ResultsRepository *results, const TrendRepository *trends);
    void setUpdatedText(const QString &text);
    void setPageSize(int entries) { m_pageSize = entries; }
    // Rows kept, status Loading (a sync is refreshing the store).
    void setLoading();

    Q_INVOKABLE void reload();
    Q_INVOKABLE void loadMore();
    // After a failed page: reads the list again from the start.
    Q_INVOKABLE void retryLoadMore();
    QString loadMoreError() const { return m_moreError; }
    // Fills `detail` for the entry; returns false if it could not be read (detail shows the error).
    Q_INVOKABLE bool openEntry(const QString &resourceType, const QString &id);
    // Fills `trend` for the test this result belongs to.
    Q_INVOKABLE bool openTrend(const QString &observationId);

    QVariantMap entry(int i) const { return m_entries.value(i); }
    static QVariantMap entryFor(const ResultReport &report);
    // A readable text snapshot of every entry and row (golden tests).
    QString snapshot() const;

Q_SIGNALS:
    void statusChanged();
    void countChanged();
    void updatedTextChanged();

private:
    void setStatus(Status s, const QString &error = {});
    void appendPage();

    const ResultsRepository *m_results = nullptr;
    const TrendRepository *m_trends = nullptr;
    std::unique_ptr<ResultsPager> m_pager;
    QList<QVariantMap> m_entries;
    Status m_status = Loading;
    QString m_errorText;
    QString m_moreError;
    QString m_updatedText;
    int m_pageSize = 50;
    ResultsDetailModel *m_detail;
    TrendModel *m_trend;
};

} // namespace hearth
