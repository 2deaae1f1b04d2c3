#pragma once

#include "PrescriptionRequests.h"
#include "PrescriptionTypes.h"
#include "PrescriptionsListModel.h"
#include "PrescriptionsOrder.h"
#include "PrescriptionsRepository.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QVariantMap>

#include <functional>
#include <memory>
#include <optional>

namespace hearth {

class Outbox;
class ResourceStore;

// Repeat prescriptions for the patient: the medicines they can order, the order being made, their
// requests and one request's timeline. All wording is made (and translated) here. Reads the store
// through PrescriptionsRepository and the patient's outbox, both owned elsewhere.
//
// medicines roles: templateId, name, detail (dose), quantityText, lastIssuedText, nextDueText,
//   orderable (bool), reasonText (why not), group ("Repeat prescriptions you can order", ...),
//   accessibleText.
// requests roles: key (client id, else Task id), clientId, taskId, name, statusText, statusKind
//   (waiting, sending, refused, requested, in-review, approved, rejected, issued, ready, collected),
//   dateText, refusalText, canRetry (bool), group ("Requested on 3 May 2026 at 10:15"), accessibleText.
// timeline roles: title, dateText, detail, reached (bool), current (bool), accessibleText.
class PrescriptionsViewModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(hearth::PrescriptionsListModel *medicines READ medicines CONSTANT)
    Q_PROPERTY(hearth::PrescriptionsListModel *requests READ requests CONSTANT)
    Q_PROPERTY(hearth::PrescriptionsListModel *timeline READ timeline CONSTANT)
    Q_PROPERTY(hearth::PrescriptionsOrder *order READ order CONSTANT)
    // How many listed medicines can be ordered online now.
    Q_PROPERTY(int orderableCount READ orderableCount NOTIFY loaded)
    // The request whose timeline is shown (openRequest), as a map: {found, key, name, statusText,
    // statusKind, dateText, pharmacyText, note, refusalText, canRetry}.
    Q_PROPERTY(QVariantMap openedRequest READ openedRequest NOTIFY openedRequestChanged)
    // Room for running-low reminders (rxnotify6's model); null until the app sets one.
    Q_PROPERTY(QObject *runningLow READ runningLow WRITE setRunningLow NOTIFY runningLowChanged)

public:
    explicit PrescriptionsViewModel(QObject *parent = nullptr);
    ~PrescriptionsViewModel() override;

    PrescriptionsListModel *medicines() const { return m_medicines; }
    PrescriptionsListModel *requests() const { return m_requests; }
    PrescriptionsListModel *timeline() const { return m_timeline; }
    PrescriptionsOrder *order() const { return m_order; }
    int orderableCount() const { return m_orderable.size(); }
    QVariantMap openedRequest() const { return m_opened; }
    QObject *runningLow() const { return m_runningLow; }
    void setRunningLow(QObject *model);

    // The patient's store and outbox (nullptrs: signed out, everything cleared). The outbox is
    // watched (itemChanged → reload). Neither is owned.
    void setSources(const ResourceStore *store, Outbox *outbox, const QString &patientId);
    // Tests fix "now"; invalid means the real clock.
    void setNow(const QDateTime &nowUtc) { m_now = nowUtc; }

    Q_INVOKABLE void reload();
    // Shows one request's timeline: `key` is its client id or Task id. False if there is none.
    Q_INVOKABLE bool openRequest(const QString &key);
    // "Try again" on a request the server refused: back into the outbox queue, then sent.
    Q_INVOKABLE bool retry(const QString &clientId);

    // For PrescriptionsOrder.
    bool isOrderable(const QString &templateId) const { return m_orderable.contains(templateId); }
    std::optional<MedicationRequestInfo> plan(const QString &templateId) const;
    QStringList orderableIdsInOrder() const;
    void submitOrder();

    // Wording (PrescriptionsViewModelText.cpp).
    static QString reasonText(NotOrderableReason reason);
    static QString stepText(RequestStep step);
    static QString stepKind(RequestStep step);
    static QString deliveryText(RequestItemView::Delivery delivery);
    static QString dateText(const QDateTime &utc);       // "3 May 2026"
    static QString dateTimeText(const QDateTime &utc);   // "3 May 2026 at 10:15", local time
    static QString quantityText(const std::optional<Quantity> &quantity);
    static QString doseText(const MedicationRequestInfo &m);

Q_SIGNALS:
    void loaded();
    void openedRequestChanged();
    void runningLowChanged();
    // Something was sent: a sync now brings the server's Task back (AppController::syncNow).
    void syncWanted();

private:
    void loadMedicines();
    void loadRequests();
    void loadPharmacy();
    void fillOpened();
    void flush();
    QDateTime now() const { return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(); }
    QVariantMap requestRow(const RequestItemView &view) const;

    const ResourceStore *m_store = nullptr;
    QPointer<Outbox> m_outbox;
    QString m_patientId;
    std::unique_ptr<PrescriptionsRepository> m_repository;
    PrescriptionsListModel *m_medicines;
    PrescriptionsListModel *m_requests;
    PrescriptionsListModel *m_timeline;
    PrescriptionsOrder *m_order;
    QHash<QString, MedicationRequestInfo> m_orderable;   // template id → plan, orderable now
    QStringList m_orderableOrder;
    QList<RequestItemView> m_views;
    QString m_openedKey;
    QVariantMap m_opened;
    QHash<QString, QString> m_pharmacyNames;   // ODS code → name, from stored Organization rows
    QObject *m_runningLow = nullptr;
    QDateTime m_now;
    QMetaObject::Connection m_outboxConnection;
};

} // namespace hearth
