#pragma once

#include <QString>

namespace hearth {

// dm+d gives count units in the singular ("28 tablet"): the unit as a patient says it after `value`
// ("28 tablets", "1 tablet"). Measures ("ml", "gram") and anything not known stay as sent.
QString countUnit(const QString &unit, double value);

// "56 tablet" (a number, a space, a unit, as the record's medicines carry it) → "56 tablets".
QString quantityWords(const QString &quantity);

} // namespace hearth
