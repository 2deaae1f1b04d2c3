#include "Pharmacy.h"

#include "PrescriptionReader.h"

#include <QJsonArray>

namespace hearth::prescriptions {

using namespace Qt::StringLiterals;

QString nominatedPharmacyOds(const QJsonObject &patient)
{
    for (const QJsonValue &v : patient.value("extension"_L1).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value("url"_L1).toString() != QLatin1String(kNominatedPharmacyExtension))
            continue;
        const QJsonObject id = e.value("valueReference"_L1).toObject().value("identifier"_L1).toObject();
        if (id.value("system"_L1).toString() == QLatin1String(kOdsSystem))
            return id.value("value"_L1).toString();
    }
    return {};
}

Pharmacy readPharmacy(const QJsonObject &o)
{
    Pharmacy p;
    p.organizationId = o.value("id"_L1).toString();
    for (const QJsonValue &v : o.value("identifier"_L1).toArray())
        if (v.toObject().value("system"_L1).toString() == QLatin1String(kOdsSystem))
            p.ods = v.toObject().value("value"_L1).toString();
    p.name = o.value("name"_L1).toString();
    const QJsonObject address = o.value("address"_L1).toArray().first().toObject();
    for (const QJsonValue &line : address.value("line"_L1).toArray())
        p.addressLines << line.toString();
    p.city = address.value("city"_L1).toString();
    p.postcode = address.value("postalCode"_L1).toString();
    for (const QJsonValue &v : o.value("telecom"_L1).toArray())
        if (v.toObject().value("system"_L1).toString() == "phone"_L1 && p.phone.isEmpty())
            p.phone = v.toObject().value("value"_L1).toString();
    return p;
}

bool addLocation(Pharmacy &pharmacy, const QJsonObject &location)
{
    const QString ref = location.value("managingOrganization"_L1).toObject().value("reference"_L1).toString();
    if (pharmacy.organizationId.isEmpty() || !ref.endsWith(u"Organization/"_s + pharmacy.organizationId))
        return false;
    for (const QJsonValue &v : location.value("hoursOfOperation"_L1).toArray()) {
        const QJsonObject h = v.toObject();
        OpeningHours hours;
        for (const QJsonValue &d : h.value("daysOfWeek"_L1).toArray())
            hours.days << d.toString();
        hours.allDay = h.value("allDay"_L1).toBool();
        hours.opens = QTime::fromString(h.value("openingTime"_L1).toString(), Qt::ISODate);
        hours.closes = QTime::fromString(h.value("closingTime"_L1).toString(), Qt::ISODate);
        pharmacy.hours << hours;
    }
    return true;
}

} // namespace hearth::prescriptions
