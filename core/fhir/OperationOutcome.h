#pragma once

#include <QByteArray>
#include <QString>

namespace hearth {

// A short machine summary of an OperationOutcome body ("error/not-found: diagnostics…"), or empty
// if the body is not one. Kept in Error::outcome for support; never shown to patients as is.
QString summariseOperationOutcome(const QByteArray &body);

} // namespace hearth
