#pragma once

#include "PrescriptionTypes.h"

#include "common/Result.h"
#include "store/OutboxStore.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace hearth {

class PrescriptionsRepository;

// What the patient asked for, one medicine at a time, wherever it is: still in the outbox (waiting,
// sending, refused by the server) or on the server as a Task that sync read back. An outbox item and
// the Task it became are one entry, linked by the client identifier.
struct RequestItemView {
    enum class Delivery {
        Waiting,   // stored on this device, not yet accepted by the server (offline, or retrying)
        Sending,   // a send is in flight
        Sent,      // the server has it (a Task read back, or the outbox says sent)
        Refused,   // the server refused it (4xx): `refusal` holds its words; the patient may try again
    };
    QString clientId;         // outbox client id; empty for a request made elsewhere (at the practice)
    QString taskId;           // the server's Task id once sync read it back
    QString templateId;       // the repeat template (MedicationRequest) asked for
    QString medication;       // the template's medicine name (empty if the template is unknown)
    QString pharmacyOds;      // preferred performer
    QString note;             // the note to the GP, if any
    QDateTime requestedAt;    // UTC, the Task's authoredOn: items of one request share it
    Delivery delivery = Delivery::Waiting;
    QString refusal;          // Refused: the server's words (may be empty: the app then says why in general)
    QList<TimelineEntry> timeline;   // steps reached so far (just Requested until the server has it)
    RequestStep current = RequestStep::Requested;
};

namespace prescriptions {

// Every repeat request, newest first (ties: by medicine), merging the outbox items of kind
// PrescriptionRequest::kOutboxKind with the Tasks the repository holds.
Result<QList<RequestItemView>> requestViews(const PrescriptionsRepository &repository, const QList<OutboxItem> &outbox);

} // namespace prescriptions
} // namespace hearth
