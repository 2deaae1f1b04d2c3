#include "PharmacyRepository.h"

#include "store/ResourceStore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace hearth {

using namespace Qt::StringLiterals;

PharmacyRepository::PharmacyRepository(const ResourceStore &store) : m_store(store) {}

Result<QString> PharmacyRepository::nominatedOds(const QString &patientId) const
{
    const auto patient = m_store.get(u"Patient"_s, patientId);
    if (!patient)
        return patient.error();
    if (!patient->has_value())
        return QString();
    return prescriptions::nominatedPharmacyOds(QJsonDocument::fromJson((*patient)->json).object());
}

Result<std::optional<Pharmacy>> PharmacyRepository::nominated(const QString &patientId) const
{
    const auto ods = nominatedOds(patientId);
    if (!ods)
        return ods.error();
    if (ods->isEmpty())
        return std::optional<Pharmacy>();
    auto found = byOds(*ods);
    if (!found || found->has_value())
        return found;
    // Nominated, but its details have not arrived yet (first sync still running, or it failed).
    Pharmacy bare;
    bare.ods = *ods;
    return std::optional<Pharmacy>(bare);
}

Result<std::optional<Pharmacy>> PharmacyRepository::byOds(const QString &ods) const
{
    if (ods.trimmed().isEmpty())
        return std::optional<Pharmacy>();
    // A handful of rows (the nominated pharmacy and those requests named): reading them all is cheap.
    const auto organizations = m_store.list(u"Organization"_s);
    if (!organizations)
        return organizations.error();
    std::optional<Pharmacy> found;
    for (const StoredResource &r : *organizations) {
        Pharmacy p = prescriptions::readPharmacy(QJsonDocument::fromJson(r.json).object());
        if (p.ods.compare(ods.trimmed(), Qt::CaseInsensitive) == 0) {
            found = p;
            break;
        }
    }
    if (!found)
        return found;
    const auto locations = m_store.list(u"Location"_s);
    if (!locations)
        return locations.error();
    for (const StoredResource &r : *locations)
        (void)prescriptions::addLocation(*found, QJsonDocument::fromJson(r.json).object());
    return found;
}

} // namespace hearth
