#pragma once

#include <QString>

#include <optional>

namespace hearth::trend {

// Exact conversion between two UCUM unit codes of the same quantity, or nothing.
// Only metric prefixes and powers of ten differ ("mmol/L" -> "umol/L" x1000, "g/L" -> "g/dL" x0.1,
// "10*9/L" -> "10*6/mL"). Anything that needs a molar mass or a formula ("mg/dL" glucose vs
// "mmol/L", HbA1c "%" vs "mmol/mol") is not the same quantity by its code and is never combined.
// value_in_to = value_in_from * factor.
std::optional<double> conversionFactor(const QString &fromUcum, const QString &toUcum);

} // namespace hearth::trend
