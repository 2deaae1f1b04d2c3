#include "PharmacyDirectory.h"

#include "PrescriptionReader.h"

#include "fhir/BundleReader.h"
#include "net/ApiClient.h"
#include "store/CacheDatabase.h"
#include "store/ResourceStore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimer>
#include <QUrl>

namespace hearth {

using namespace Qt::StringLiterals;

namespace {

QString encoded(const QString &value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); }

// The resources of a searchset Bundle that matched (not `include`d ones), raw JSON.
Result<QList<QJsonObject>> matches(const QByteArray &body, const QString &type)
{
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(body, &error).object();
    if (error.error != QJsonParseError::NoError || root.value("resourceType"_L1).toString() != "Bundle"_L1)
        return Error::make(Error::Kind::Parse, u"a search answer that is not a Bundle"_s);
    QList<QJsonObject> out;
    for (const QJsonValue &v : root.value("entry"_L1).toArray()) {
        const QJsonObject entry = v.toObject();
        const QString mode = entry.value("search"_L1).toObject().value("mode"_L1).toString();
        const QJsonObject resource = entry.value("resource"_L1).toObject();
        if ((mode.isEmpty() || mode == "match"_L1) && resource.value("resourceType"_L1).toString() == type)
            out << resource;
    }
    return out;
}

// The version to send in If-Match: meta.versionId, else the ETag the read came with.
QByteArray ifMatch(const QJsonObject &resource, const QByteArray &etag)
{
    const QString version = resource.value("meta"_L1).toObject().value("versionId"_L1).toString();
    if (!version.isEmpty())
        return "W/\"" + version.toUtf8() + '"';
    return etag;
}

// Calls back from the event loop, never from inside the caller's call.
void later(std::function<void()> fn) { QTimer::singleShot(0, std::move(fn)); }

} // namespace

struct PharmacyDirectory::State {
    explicit State(ApiClient &a) : api(a) {}
    ApiClient &api;
    DatabaseFor databaseFor;
};

PharmacyDirectory::PharmacyDirectory(ApiClient &api) : m_state(std::make_shared<State>(api)) {}
PharmacyDirectory::~PharmacyDirectory() = default;

void PharmacyDirectory::setDatabases(DatabaseFor databaseFor) { m_state->databaseFor = std::move(databaseFor); }

void PharmacyDirectory::search(const QString &words, std::function<void(Result<QList<Pharmacy>>)> done)
{
    const QString w = words.simplified();
    if (w.isEmpty()) {
        later([done] { done(QList<Pharmacy>{}); });
        return;
    }
    // FHIR has no "any of these fields" search: three standard searches, merged by Organization id.
    struct Gather {
        int pending = 3;
        QList<QList<QJsonObject>> parts{{}, {}, {}};
        std::optional<Error> error;
    };
    auto gather = std::make_shared<Gather>();
    const QStringList queries{u"Organization?name:contains="_s + encoded(w), u"Organization?address-city="_s + encoded(w),
                              u"Organization?address-postalcode="_s + encoded(w)};
    std::weak_ptr<State> weak = m_state;
    for (int i = 0; i < queries.size(); ++i) {
        m_state->api.get(queries.at(i) + u"&_count=50"_s, [weak, gather, i, done](Result<HttpReply> reply) {
            const auto state = weak.lock();
            if (!state)
                return;
            if (!reply) {
                if (!gather->error)
                    gather->error = reply.error();
            } else if (auto found = matches(reply->body, u"Organization"_s); !found) {
                if (!gather->error)
                    gather->error = found.error();
            } else {
                gather->parts[i] = *found;
            }
            if (--gather->pending > 0)
                return;
            if (gather->error) {
                done(*gather->error);
                return;
            }
            QList<Pharmacy> pharmacies;
            QSet<QString> seen;
            for (const QList<QJsonObject> &part : std::as_const(gather->parts)) {
                for (const QJsonObject &o : part) {
                    Pharmacy p = prescriptions::readPharmacy(o);
                    if (p.organizationId.isEmpty() || seen.contains(p.organizationId))
                        continue;
                    seen.insert(p.organizationId);
                    pharmacies << p;
                }
            }
            if (pharmacies.isEmpty()) {
                done(pharmacies);
                return;
            }
            // Opening hours: one Location search for all of them (a comma is FHIR's "or").
            QStringList refs;
            for (const Pharmacy &p : std::as_const(pharmacies))
                refs << encoded(u"Organization/"_s + p.organizationId);
            state->api.get(u"Location?organization="_s + refs.join(u',') + u"&_count=200"_s,
                           [weak, pharmacies, done](Result<HttpReply> locations) mutable {
                               if (!weak.lock())
                                   return;
                               if (!locations) {
                                   done(locations.error());
                                   return;
                               }
                               const auto found = matches(locations->body, u"Location"_s);
                               if (!found) {
                                   done(found.error());
                                   return;
                               }
                               for (const QJsonObject &l : *found)
                                   for (Pharmacy &p : pharmacies)
                                       if (prescriptions::addLocation(p, l))
                                           break;
                               done(pharmacies);
                           });
        });
    }
}

void PharmacyDirectory::setNominated(const QString &patientId, const Pharmacy &pharmacy, std::function<void(Status)> done)
{
    const QString ods = pharmacy.ods.trimmed();
    if (patientId.isEmpty() || ods.isEmpty()) {
        later([done] { done(Error::make(Error::Kind::Config, u"a nomination needs a patient and an ODS code"_s)); });
        return;
    }
    nominate(m_state, patientId, ods, 2, std::move(done));
}

void PharmacyDirectory::nominate(const std::shared_ptr<State> &shared, const QString &patientId, const QString &ods,
                                 int tries, std::function<void(Status)> done)
{
    std::weak_ptr<State> weak = shared;
    const QString path = u"Patient/"_s + encoded(patientId);
    shared->api.get(path, [weak, path, patientId, ods, tries, done](Result<HttpReply> read) {
        const auto state = weak.lock();
        if (!state)
            return;
        if (!read) {
            done(read.error());
            return;
        }
        const QJsonObject patient = QJsonDocument::fromJson(read->body).object();
        if (patient.value("resourceType"_L1).toString() != "Patient"_L1) {
            done(Error::make(Error::Kind::Parse, u"the Patient read is not a Patient"_s));
            return;
        }
        const HttpHeaders headers{{"Content-Type", "application/json-patch+json"}, {"If-Match", ifMatch(patient, read->etag)}};
        state->api.send("PATCH", path, prescriptions::nominationPatch(patient, ods), headers,
                        [weak, path, patientId, ods, tries, done](Result<HttpReply> patched) {
            const auto alive = weak.lock();
            if (!alive)
                return;
            if (!patched) {
                // Changed by someone else since the read: read it again and try once more.
                if (patched.error().kind == Error::Kind::Http && patched.error().httpStatus == 412 && tries > 1) {
                    nominate(alive, patientId, ods, tries - 1, done);
                    return;
                }
                done(patched.error());
                return;
            }
            if (!alive->databaseFor) {
                done(Status{});
                return;
            }
            const QJsonObject updated = QJsonDocument::fromJson(patched->body).object();
            if (updated.value("resourceType"_L1).toString() == "Patient"_L1 && updated.value("id"_L1).toString() == patientId) {
                keepLocally(alive, patientId, ods, patched->body, done);
                return;
            }
            // A server that answers a PATCH without the resource: read it again.
            alive->api.get(path, [weak, patientId, ods, done](Result<HttpReply> again) {
                const auto current = weak.lock();
                if (!current)
                    return;
                if (!again) {
                    done(Status{});   // the server has the change; the next sync brings it
                    return;
                }
                keepLocally(current, patientId, ods, again->body, done);
            });
        });
    });
}

// Keeps the changed Patient (and the pharmacy's rows, when they could be read) in the patient's database.
void PharmacyDirectory::keepLocally(const std::shared_ptr<State> &shared, const QString &patientId, const QString &ods,
                                    const QByteArray &patientJson, std::function<void(Status)> done)
{
    std::weak_ptr<State> weak = shared;
    prescriptions::fetchPharmacyRows(shared->api, ods, [weak, patientId, patientJson, done](Result<prescriptions::PharmacyRows> rows) {
        const auto state = weak.lock();
        if (!state)
            return;
        CacheDatabase *db = state->databaseFor ? state->databaseFor(patientId) : nullptr;
        if (!db) {
            done(Status{});
            return;
        }
        BundleReader reader;
        auto patient = reader.readResource(patientJson);
        ResourceStore store(db->database());
        done(db->transaction([&]() -> Status {
            if (patient && patient->type == "Patient"_L1 && patient->id == patientId)
                if (Status s = store.put(*patient); !s)
                    return s;
            // Without the rows (a dropped connection) the next sync fetches them: the ODS code is new.
            if (rows && !rows->organization.isEmpty())
                return prescriptions::storePharmacyRows(store, *rows);
            return {};
        }));
    });
}

namespace prescriptions {

void fetchPharmacyRows(ApiClient &api, const QString &ods, std::function<void(Result<PharmacyRows>)> done)
{
    ApiClient *client = &api;
    api.get(u"Organization?identifier="_s + encoded(QLatin1String(kOdsSystem) + u'|' + ods),
            [client, ods, done](Result<HttpReply> reply) {
        if (!reply) {
            done(reply.error());
            return;
        }
        const auto organizations = matches(reply->body, u"Organization"_s);
        if (!organizations) {
            done(organizations.error());
            return;
        }
        PharmacyRows rows;
        rows.ods = ods;
        if (organizations->isEmpty()) {
            done(rows);   // not in the directory: nothing to keep
            return;
        }
        const QJsonObject organization = organizations->first();
        rows.organization = QJsonDocument(organization).toJson(QJsonDocument::Compact);
        const QString id = organization.value("id"_L1).toString();
        client->get(u"Location?organization="_s + encoded(u"Organization/"_s + id),
                    [rows, done](Result<HttpReply> locations) mutable {
            if (!locations) {
                done(locations.error());
                return;
            }
            const auto found = matches(locations->body, u"Location"_s);
            if (!found) {
                done(found.error());
                return;
            }
            for (const QJsonObject &l : *found)
                rows.locations << QJsonDocument(l).toJson(QJsonDocument::Compact);
            done(rows);
        });
    });
}

Status storePharmacyRows(ResourceStore &store, const PharmacyRows &rows)
{
    if (rows.organization.isEmpty())
        return {};
    BundleReader reader;
    auto organization = reader.readResource(rows.organization);
    if (!organization)
        return organization.error();
    if (organization->type != "Organization"_L1 || organization->id.isEmpty())
        return Error::make(Error::Kind::Parse, u"a pharmacy that is not an Organization"_s);
    organization->searchText = QString();   // the directory is not part of the record's search
    if (Status s = store.put(*organization); !s)
        return s;
    const QString managedBy = u"Organization/"_s + organization->id;
    QSet<QString> keep;
    for (const QByteArray &json : rows.locations) {
        auto location = reader.readResource(json);
        if (!location)
            return location.error();
        if (location->type != "Location"_L1)
            continue;
        location->searchText = QString();
        if (Status s = store.put(*location); !s)
            return s;
        keep.insert(location->id);
    }
    // Locations the pharmacy no longer lists (moved, closed) go.
    const auto stored = store.list(u"Location"_s);
    if (!stored)
        return stored.error();
    for (const StoredResource &r : *stored) {
        const QString ref = QJsonDocument::fromJson(r.json).object().value("managingOrganization"_L1).toObject()
                                .value("reference"_L1).toString();
        if ((ref == managedBy || ref.endsWith(u'/' + managedBy)) && !keep.contains(r.id))
            if (Status s = store.remove(u"Location"_s, r.id); !s)
                return s;
    }
    return {};
}

QByteArray nominationPatch(const QJsonObject &patient, const QString &ods)
{
    const QJsonObject reference{{u"identifier"_s, QJsonObject{{u"system"_s, QString::fromLatin1(kOdsSystem)}, {u"value"_s, ods}}}};
    const QString url = QString::fromLatin1(kNominatedPharmacyExtension);
    QJsonArray ops;
    const QJsonArray extensions = patient.value("extension"_L1).toArray();
    for (qsizetype i = 0; i < extensions.size(); ++i) {
        if (extensions.at(i).toObject().value("url"_L1).toString() != url)
            continue;
        const QString at = u"/extension/"_s + QString::number(i);
        // The test makes the patch fail rather than change another extension if the list moved.
        ops << QJsonObject{{u"op"_s, u"test"_s}, {u"path"_s, at + u"/url"_s}, {u"value"_s, url}}
            << QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, at + u"/valueReference"_s}, {u"value"_s, reference}};
        return QJsonDocument(ops).toJson(QJsonDocument::Compact);
    }
    const QJsonObject extension{{u"url"_s, url}, {u"valueReference"_s, reference}};
    if (patient.contains("extension"_L1))
        ops << QJsonObject{{u"op"_s, u"add"_s}, {u"path"_s, u"/extension/-"_s}, {u"value"_s, extension}};
    else
        ops << QJsonObject{{u"op"_s, u"add"_s}, {u"path"_s, u"/extension"_s}, {u"value"_s, QJsonArray{extension}}};
    return QJsonDocument(ops).toJson(QJsonDocument::Compact);
}

} // namespace prescriptions
} // namespace hearth
