#pragma once

#include "PrescriptionTypes.h"
#include "PrescriptionsRepository.h"

#include "common/Result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace hearth {

class MetaStore;
struct RequestItemView;

// A repeat medicine the patient may soon run out of ("about 6 days left — order now?").
struct RunningLow {
    QString templateId;     // the repeat template (MedicationRequest intent plan)
    QString medication;     // its name, for the app's card (never for a notification)
    int daysLeft = 0;       // whole days of supply left at `nowUtc`; 0 or less: may have run out
    QDateTime lastIssued;   // UTC, the issue the estimate starts from (dismissals are per issue)
    int supplyDays = 0;     // how long that issue lasts
    friend bool operator==(const RunningLow &, const RunningLow &) = default;
};

namespace prescriptions {

// Shown from this many days of supply left. The NHS asks patients to allow about a week between
// ordering a repeat and collecting it (the practice takes up to 2 working days, the pharmacy up to
// a couple more), and many practices turn away requests made much earlier than that. Ten days is
// that week plus a weekend or bank holiday, so a patient who acts on the card gets the medicine in
// time without ordering so early that the practice refuses it.
inline constexpr int kRunningLowDays = 10;

// How many days one issue lasts: the template's expectedSupplyDuration, else quantity ÷ daily dose
// when the dose is structured (MedicationRequestInfo::dailyDose); 0 when unknown.
int supplyDays(const MedicationRequestInfo &plan);

// The repeats with kRunningLowDays or fewer days left at `nowUtc`, fewest days first (then by name).
// Never for a template that cannot be ordered online, was never issued, or whose supply is unknown;
// nor once the last issue ran out more than a whole supply ago (the patient evidently gets it another
// way, or has stopped: a card would only nag).
QList<RunningLow> runningLow(const QList<PrescriptionsRepository::Template> &templates, const QDateTime &nowUtc);

// Drops the medicines already asked for since their last issue (a request waiting, sent, in review,
// approved): the card must never lead to ordering twice. A refused or rejected request does not count.
QList<RunningLow> withoutOpenRequests(const QList<RunningLow> &items, const QList<RequestItemView> &requests);

// The structured daily dose of `dosageInstruction` (FHIR Dosage[]) in the units of `quantity`:
// doseAndRate[].doseQuantity (or the top of doseRange) × timing.repeat frequency per period (or
// timeOfDay/when counts, or a timing.code such as BID), summed over the dosages of one phase.
// Unknown (nullopt) for "as needed", several phases (sequence), units that differ from the quantity's,
// or anything not structured. GP systems mostly send only text, so this is a fallback.
std::optional<double> dailyDose(const QJsonArray &dosageInstruction, const std::optional<Quantity> &quantity);

} // namespace prescriptions

// "Dismiss" on a running-low card, remembered per template and issue in the patient's encrypted meta
// table: the card stays away until the next issue of that medicine, then may come back.
class RunningLowDismissals {
public:
    explicit RunningLowDismissals(MetaStore &meta);
    static constexpr const char *kMetaKey = "running-low.dismissed";

    Status dismiss(const RunningLow &item);
    // `items` without the ones dismissed for their current issue.
    Result<QList<RunningLow>> visible(const QList<RunningLow> &items) const;

private:
    MetaStore &m_meta;
};

} // namespace hearth
