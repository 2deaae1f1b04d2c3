#include "PrescriptionFollowUp.h"

#include "PharmacyDirectory.h"
#include "PharmacyRepository.h"
#include "PrescriptionReader.h"
#include "PrescriptionsRepository.h"

#include "common/Log.h"
#include "fhir/BundleReader.h"
#include "net/ApiClient.h"
#include "store/CacheDatabase.h"
#include "store/MetaStore.h"
#include "store/ResourceStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

namespace hearth {

using namespace Qt::StringLiterals;
namespace rx = prescriptions;

namespace {

const QString kHistory = QString::fromLatin1(kTaskHistoryType);

// Set once an ODS code was looked up, found or not, so an unknown code is not asked for at every sync.
QString checkedKey(const QString &ods) { return u"prescriptions/pharmacy-checked/"_s + ods; }

} // namespace

PrescriptionFollowUp::PrescriptionFollowUp(ApiClient &api, CacheDatabase &db, QString patientId, QObject *parent)
    : QObject(parent), m_api(api), m_db(db), m_patientId(std::move(patientId))
{
}

void PrescriptionFollowUp::run(std::function<void(Outcome)> done)
{
    m_done = std::move(done);
    ResourceStore store(m_db.database());
    MetaStore meta(m_db.database());
    const auto tasks = store.list(u"Task"_s);
    const auto histories = store.ids(kHistory);
    QSet<QString> ods;
    if (tasks && histories) {
        QSet<QString> live;
        for (const StoredResource &row : *tasks) {
            const RenewalTask task = rx::readTask(QJsonDocument::fromJson(row.json).object());
            if (task.focusMedicationRequestId.isEmpty())
                continue;   // not a repeat request
            live.insert(row.id);
            if (!task.preferredPerformerOds.isEmpty())
                ods.insert(task.preferredPerformerOds);
            // Version 1 is the whole history; an unchanged version was fetched already.
            if (row.versionId.isEmpty() || row.versionId == "1"_L1)
                continue;
            const auto kept = store.get(kHistory, row.id);
            if (kept && kept->has_value() && (*kept)->versionId == row.versionId)
                continue;
            m_histories << row.id;
            m_taskVersion.insert(row.id, row.versionId);
            m_taskUpdated.insert(row.id, row.lastUpdated);
        }
        // The history of a request that left the device (withdrawn) goes with it.
        const Status cleaned = m_db.transaction([&]() -> Status {
            for (const QString &id : *histories) {
                if (live.contains(id))
                    continue;
                if (Status s = store.remove(kHistory, id); !s)
                    return s;
                ++m_outcome.removed;
            }
            return {};
        });
        if (!cleaned)
            qCWarning(lcSync) << "could not remove old request histories:" << cleaned.error().describe();
    } else {
        ++m_outcome.failed;
    }
    if (const auto nominated = PharmacyRepository(store).nominatedOds(m_patientId); nominated && !nominated->isEmpty())
        ods.insert(*nominated);
    for (const QString &code : std::as_const(ods)) {
        const auto stored = PharmacyRepository(store).byOds(code);
        const auto checked = meta.get(checkedKey(code));
        if ((stored && stored->has_value()) || (checked && checked->has_value()))
            continue;
        m_pharmacies << code;
    }
    m_pharmacies.sort();
    QPointer<PrescriptionFollowUp> self(this);
    QMetaObject::invokeMethod(this, [self] { if (self) self->next(); }, Qt::QueuedConnection);
}

void PrescriptionFollowUp::next()
{
    QPointer<PrescriptionFollowUp> self(this);
    if (!m_histories.isEmpty()) {
        const QString id = m_histories.takeFirst();
        m_api.get(u"Task/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)) + u"/_history"_s,
                  [self, id](Result<HttpReply> reply) {
            if (!self)
                return;
            if (reply)
                self->historyArrived(id, reply->body);
            else
                ++self->m_outcome.failed;   // tried again at the next sync
            self->next();
        });
        return;
    }
    if (!m_pharmacies.isEmpty()) {
        const QString code = m_pharmacies.takeFirst();
        rx::fetchPharmacyRows(m_api, code, [self, code](Result<rx::PharmacyRows> rows) {
            if (!self)
                return;
            if (!rows) {
                ++self->m_outcome.failed;
                self->next();
                return;
            }
            ResourceStore store(self->m_db.database());
            const Status s = self->m_db.transaction([&]() -> Status {
                if (Status stored = rx::storePharmacyRows(store, *rows); !stored)
                    return stored;
                return MetaStore(self->m_db.database()).put(checkedKey(code), "1");
            });
            if (s) {
                ++self->m_outcome.pharmacies;
                if (!rows->organization.isEmpty())
                    self->m_outcome.organizationIds << QJsonDocument::fromJson(rows->organization).object().value("id"_L1).toString();
            }
            else
                ++self->m_outcome.failed;
            self->next();
        });
        return;
    }
    qCInfo(lcSync) << "prescriptions:" << m_outcome.histories << "histories," << m_outcome.pharmacies << "pharmacies,"
                   << m_outcome.failed << "failed," << m_outcome.removed << "removed";
    auto done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(m_outcome);
}

void PrescriptionFollowUp::historyArrived(const QString &taskId, const QByteArray &body)
{
    // Every version must be this request, of this patient: anything else is not stored.
    const auto versions = rx::readHistory(body);
    bool ok = versions && !versions->isEmpty();
    if (ok) {
        for (const RenewalTask &v : *versions)
            ok = ok && v.id == taskId && v.forPatientId == m_patientId;
    }
    if (!ok) {
        ++m_outcome.failed;
        return;
    }
    StoredResource row;
    row.type = kHistory;
    row.id = taskId;
    row.versionId = m_taskVersion.value(taskId);   // the Task version this history covers
    row.lastUpdated = m_taskUpdated.value(taskId);
    row.json = body;
    row.searchText = QString();   // the Task itself is what search finds
    ResourceStore store(m_db.database());
    if (m_db.transaction([&] { return store.put(row); })) {
        ++m_outcome.histories;
        m_outcome.historyTaskIds << taskId;
    }
    else
        ++m_outcome.failed;
}

} // namespace hearth
