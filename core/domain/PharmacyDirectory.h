#pragma once

#include "Pharmacy.h"

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace hearth {

class ApiClient;
class CacheDatabase;
class ResourceStore;

// The pharmacy directory on the FHIR server and the patient's nomination, by standard FHIR R4 only:
// Organization search by `name:contains`, `address-city`, `address-postalcode` and `identifier`;
// Location search by `organization` (opening hours); a JSON Patch of the Patient's UK Core
// nominated-pharmacy extension, with If-Match on the version (as PDS takes it). Needs the network:
// offline, every call ends with an Error of kind Network (or Timeout). Calls back later, never from
// inside the call; a callback due after the directory is destroyed is dropped.
class PharmacyDirectory {
public:
    explicit PharmacyDirectory(ApiClient &api);
    ~PharmacyDirectory();
    PharmacyDirectory(const PharmacyDirectory &) = delete;
    PharmacyDirectory &operator=(const PharmacyDirectory &) = delete;

    // Pharmacies whose name contains the words, or whose town or postcode starts with them (three
    // searches merged, name matches first), each with the opening hours of its Location. Empty words
    // give an empty list.
    void search(const QString &words, std::function<void(Result<QList<Pharmacy>>)> done);

    // Makes `pharmacy` the patient's nominated pharmacy on the server: reads the Patient, PATCHes its
    // extension (application/json-patch+json, If-Match W/"<version>"; one fresh try if someone changed
    // it meanwhile: 412). The server decides who may: the sandbox, like the NHS, allows only the
    // signed-in patient themself (a proxy gets an Http 403). With setDatabases(), the changed Patient
    // and the pharmacy's Organization + Location rows are then stored at once, so the app shows the
    // new pharmacy without waiting for a sync (and offline later).
    void setNominated(const QString &patientId, const Pharmacy &pharmacy, std::function<void(Status)> done);

    // Where setNominated keeps what changed: the patient's encrypted database (nullptr: nowhere, the
    // next sync brings it).
    using DatabaseFor = std::function<CacheDatabase *(const QString &patientId)>;
    void setDatabases(DatabaseFor databaseFor);

private:
    struct State;
    static void nominate(const std::shared_ptr<State> &state, const QString &patientId, const QString &ods, int tries,
                         std::function<void(Status)> done);
    static void keepLocally(const std::shared_ptr<State> &state, const QString &patientId, const QString &ods,
                            const QByteArray &patientJson, std::function<void(Status)> done);
    std::shared_ptr<State> m_state;
};

namespace prescriptions {

// One pharmacy as the server describes it, raw JSON: the Organization with that ODS code (empty if the
// directory has none) and the Locations it manages.
struct PharmacyRows {
    QString ods;
    QByteArray organization;
    QList<QByteArray> locations;
};

// `Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|<ods>`, then
// `Location?organization=Organization/<id>` (skipped when there is no Organization): two requests.
void fetchPharmacyRows(ApiClient &api, const QString &ods, std::function<void(Result<PharmacyRows>)> done);

// Stores the rows (call inside a transaction): the Organization, its Locations, and removes Locations of
// that Organization the server no longer lists. Nothing for rows without an Organization.
Status storePharmacyRows(ResourceStore &store, const PharmacyRows &rows);

// The JSON Patch (RFC 6902) that sets `ods` as the nominated pharmacy of `patient`: a `test` of the
// extension's url and a `replace` of its ODS code when the extension is there, else an `add`.
QByteArray nominationPatch(const QJsonObject &patient, const QString &ods);

} // namespace prescriptions
} // namespace hearth
