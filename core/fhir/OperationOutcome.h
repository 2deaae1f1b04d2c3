#pragma once

#include <QByteArray>
#include <QString>

namespace hearth {

// A short machine summary of an OperationOutcome body ("error/not-found: diagnostics…"), or empty
// if the body is not one. Kept in Error::outcome for support; never shown to patients as is.
QString summariseOperationOutcome(const QByteArray &body);

// The words a server wrote for people in an OperationOutcome: the first error (else any) issue's
// `details.text`, else its `diagnostics`, else its first
// `details.coding` display; at most 300 characters; empty if none. A refusal
// ("This medicine needs a review with your GP first") is shown to the patient as the server's reason;
// it may name a medicine, so it is kept in the encrypted store only and never logged.
QString operationOutcomeText(const QByteArray &body);

} // namespace hearth
