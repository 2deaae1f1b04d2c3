#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

namespace hearth {

// A community pharmacy as FHIR R4 describes it: an Organization (ODS code, name, address, phone) and
// the Location it manages (opening hours: R4's Organization has none). Plain values; no wording.
struct OpeningHours {
    QStringList days;      // FHIR days-of-week codes: mon, tue, ..., sun
    QTime opens;           // invalid with allDay
    QTime closes;
    bool allDay = false;
    friend bool operator==(const OpeningHours &, const OpeningHours &) = default;
};

struct Pharmacy {
    QString organizationId;
    QString ods;                 // identifier with system https://fhir.nhs.uk/Id/ods-organization-code
    QString name;
    QStringList addressLines;
    QString city;
    QString postcode;
    QString phone;
    QList<OpeningHours> hours;   // empty until a Location was read
};

namespace prescriptions {

// UK Core's nominated pharmacy on a Patient (as PDS sends it): the ODS code, or "" if none.
inline constexpr const char *kNominatedPharmacyExtension =
    "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NominatedPharmacy";
QString nominatedPharmacyOds(const QJsonObject &patient);

Pharmacy readPharmacy(const QJsonObject &organization);
// Adds a Location's hoursOfOperation to the pharmacy it is managed by (false if it names another).
bool addLocation(Pharmacy &pharmacy, const QJsonObject &location);

} // namespace prescriptions
} // namespace hearth
