#pragma once
// Builds the deterministic demo family (a parent and two children) into a ResourceStore.
// Same seed and scale -> byte-identical resources; nothing depends on the current date.
#include "ResourceStore.h"

#include <QList>
#include <QString>

namespace hearth::sandbox {

struct FamilyMember
{
    QString id;        // Patient id
    QString user;      // demo user that signs in as this person ("" if none)
    QString family;
    QString given;
    QString nhsNumber;
    QString birthDate; // yyyy-MM-dd
};

// The fixed reference date the history ends at (2026-11-01T00:00:00Z).
qint64 referenceInstantMs();

// Fills the store (and finalises it); returns parent, teen, child in that order.
QList<FamilyMember> buildSyntheticFamily(quint64 seed, int scale, ResourceStore &store);

// True if the 10 digits form a valid NHS number (Modulus 11).
bool isValidNhsNumber(const QString &digits);

} // namespace hearth::sandbox
