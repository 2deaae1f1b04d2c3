#include "PrescriptionReader.h"
#include "RunningLow.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hearth {

using namespace Qt::StringLiterals;

bool RenewalTask::isRenewal() const
{
    return code == QLatin1String(prescriptions::kRenewalCode);
}

namespace prescriptions {

namespace {

QDateTime instant(const QJsonValue &v)
{
    const QString s = v.toString();
    if (s.isEmpty())
        return {};
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(s, Qt::ISODate);
    if (!dt.isValid()) { // a bare date: midnight UTC
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (d.isValid())
            dt = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

QString conceptText(const QJsonObject &cc)
{
    const QString text = cc.value("text"_L1).toString();
    if (!text.isEmpty())
        return text;
    for (const QJsonValue &c : cc.value("coding"_L1).toArray()) {
        const QString display = c.toObject().value("display"_L1).toString();
        if (!display.isEmpty())
            return display;
    }
    return {};
}

QString firstCode(const QJsonObject &cc, const QString &system = {})
{
    for (const QJsonValue &c : cc.value("coding"_L1).toArray()) {
        const QJsonObject o = c.toObject();
        if (system.isEmpty() || o.value("system"_L1).toString() == system)
            return o.value("code"_L1).toString();
    }
    return {};
}

// "MedicationRequest/1" or an absolute URL ending in it → "1".
QString referenceId(const QJsonValue &reference, QLatin1StringView type)
{
    const QString ref = reference.toObject().value("reference"_L1).toString();
    const QString prefix = type + u'/';
    const qsizetype at = ref.lastIndexOf(prefix);
    if (at < 0 || (at > 0 && ref.at(at - 1) != u'/'))
        return {};
    QString id = ref.mid(at + prefix.size());
    return id.section(u'/', 0, 0); // drop a trailing _history/n
}

int toDays(const QJsonObject &duration)
{
    const double value = duration.value("value"_L1).toDouble();
    QString unit = duration.value("code"_L1).toString();
    if (unit.isEmpty())
        unit = duration.value("unit"_L1).toString();
    unit = unit.toLower();
    if (unit == "d"_L1 || unit.startsWith("day"_L1))
        return int(value);
    if (unit == "wk"_L1 || unit.startsWith("week"_L1))
        return int(value * 7);
    if (unit == "mo"_L1 || unit.startsWith("month"_L1))
        return int(value * 28); // GP systems issue "a month" as 28 days
    return 0;
}

CourseOfTherapy courseFrom(const QString &code)
{
    if (code == "continuous"_L1)
        return CourseOfTherapy::Continuous;
    if (code == "acute"_L1)
        return CourseOfTherapy::Acute;
    if (code == "seasonal"_L1)
        return CourseOfTherapy::Seasonal;
    // UK Core's CodeSystem-UKCore-MedicationRequestCourseOfTherapy adds repeat dispensing.
    if (code == "continuous-repeat-dispensing"_L1)
        return CourseOfTherapy::RepeatDispensing;
    return CourseOfTherapy::Unknown;
}

} // namespace

MedicationRequestInfo readMedicationRequest(const QJsonObject &o)
{
    MedicationRequestInfo m;
    m.id = o.value("id"_L1).toString();
    m.status = o.value("status"_L1).toString();
    const QString intent = o.value("intent"_L1).toString();
    m.intent = intent == "plan"_L1 ? MedicationIntent::Plan : intent == "order"_L1 ? MedicationIntent::Order
                                                                                    : MedicationIntent::Other;
    m.course = courseFrom(firstCode(o.value("courseOfTherapyType"_L1).toObject()));
    const QJsonObject medication = o.value("medicationCodeableConcept"_L1).toObject();
    m.medication = conceptText(medication);
    m.medicationCode = firstCode(medication);
    if (m.medication.isEmpty())
        m.medication = o.value("medicationReference"_L1).toObject().value("display"_L1).toString();

    const QJsonObject dosage = o.value("dosageInstruction"_L1).toArray().first().toObject();
    m.dosageText = dosage.value("text"_L1).toString();
    m.patientInstruction = dosage.value("patientInstruction"_L1).toString();

    const QJsonObject dispense = o.value("dispenseRequest"_L1).toObject();
    if (dispense.contains("quantity"_L1)) {
        const QJsonObject q = dispense.value("quantity"_L1).toObject();
        Quantity quantity;
        quantity.value = q.value("value"_L1).toDouble();
        quantity.unit = q.value("unit"_L1).toString();
        if (quantity.unit.isEmpty())
            quantity.unit = q.value("code"_L1).toString();
        m.quantity = quantity;
    }
    m.supplyDays = toDays(dispense.value("expectedSupplyDuration"_L1).toObject());
    m.dailyDose = dailyDose(o.value("dosageInstruction"_L1).toArray(), m.quantity);   // running low
    if (dispense.contains("numberOfRepeatsAllowed"_L1))
        m.repeatsAllowed = dispense.value("numberOfRepeatsAllowed"_L1).toInt();
    const QJsonObject validity = dispense.value("validityPeriod"_L1).toObject();
    m.validityStart = instant(validity.value("start"_L1));
    m.validityEnd = instant(validity.value("end"_L1));
    const QJsonObject performer = dispense.value("performer"_L1).toObject().value("identifier"_L1).toObject();
    if (performer.value("system"_L1).toString() == QLatin1String(kOdsSystem))
        m.performerOds = performer.value("value"_L1).toString();

    for (const QJsonValue &b : o.value("basedOn"_L1).toArray()) {
        m.basedOnId = referenceId(b, "MedicationRequest"_L1);
        if (!m.basedOnId.isEmpty())
            break;
    }
    m.groupIdentifier = o.value("groupIdentifier"_L1).toObject().value("value"_L1).toString();
    m.authoredOn = instant(o.value("authoredOn"_L1));

    for (const QJsonValue &ev : o.value("extension"_L1).toArray()) {
        const QJsonObject e = ev.toObject();
        const QString url = e.value("url"_L1).toString();
        if (url == QLatin1String(kRepeatInformationExtension)) {
            for (const QJsonValue &sv : e.value("extension"_L1).toArray()) {
                const QJsonObject sub = sv.toObject();
                const QString name = sub.value("url"_L1).toString();
                if (name == "numberOfPrescriptionsIssued"_L1)
                    m.issuesSoFar = sub.value("valueUnsignedInt"_L1).toInt();
                else if (name == "authorisationExpiryDate"_L1)
                    m.authorisationExpiry = instant(sub.value("valueDateTime"_L1));
            }
        } else if (url == QLatin1String(kOnlineOrderingExtension)) {
            m.onlineOrderingDisallowed = e.value("valueBoolean"_L1).isBool() && !e.value("valueBoolean"_L1).toBool();
        }
    }
    return m;
}

TaskStatus taskStatusFromCode(const QString &code)
{
    static const QList<QPair<QString, TaskStatus>> table{
        {u"draft"_s, TaskStatus::Draft},         {u"requested"_s, TaskStatus::Requested},
        {u"received"_s, TaskStatus::Received},   {u"accepted"_s, TaskStatus::Accepted},
        {u"rejected"_s, TaskStatus::Rejected},   {u"ready"_s, TaskStatus::Ready},
        {u"cancelled"_s, TaskStatus::Cancelled}, {u"in-progress"_s, TaskStatus::InProgress},
        {u"on-hold"_s, TaskStatus::OnHold},      {u"failed"_s, TaskStatus::Failed},
        {u"completed"_s, TaskStatus::Completed}, {u"entered-in-error"_s, TaskStatus::EnteredInError}};
    for (const auto &[name, status] : table)
        if (name == code)
            return status;
    return TaskStatus::Other;
}

QString taskStatusCode(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Draft: return u"draft"_s;
    case TaskStatus::Requested: return u"requested"_s;
    case TaskStatus::Received: return u"received"_s;
    case TaskStatus::Accepted: return u"accepted"_s;
    case TaskStatus::Rejected: return u"rejected"_s;
    case TaskStatus::Ready: return u"ready"_s;
    case TaskStatus::Cancelled: return u"cancelled"_s;
    case TaskStatus::InProgress: return u"in-progress"_s;
    case TaskStatus::OnHold: return u"on-hold"_s;
    case TaskStatus::Failed: return u"failed"_s;
    case TaskStatus::Completed: return u"completed"_s;
    case TaskStatus::EnteredInError: return u"entered-in-error"_s;
    case TaskStatus::Other: break;
    }
    return {};
}

RenewalTask readTask(const QJsonObject &o)
{
    RenewalTask t;
    t.id = o.value("id"_L1).toString();
    for (const QJsonValue &iv : o.value("identifier"_L1).toArray()) {
        const QJsonObject i = iv.toObject();
        const QString value = i.value("value"_L1).toString();
        t.identifiers << i.value("system"_L1).toString() + u'|' + value;
        // Our own outbox identifier wins; otherwise the first one the server gave.
        if (i.value("system"_L1).toString() == "urn:ietf:rfc:3986"_L1 || t.clientIdentifier.isEmpty())
            t.clientIdentifier = value;
    }
    t.statusText = o.value("status"_L1).toString();
    t.status = taskStatusFromCode(t.statusText);
    t.statusReason = conceptText(o.value("statusReason"_L1).toObject());
    const QJsonObject business = o.value("businessStatus"_L1).toObject();
    t.businessStatus = business.value("text"_L1).toString();
    if (t.businessStatus.isEmpty())
        t.businessStatus = conceptText(business);
    if (t.businessStatus.isEmpty())
        t.businessStatus = firstCode(business);
    t.intent = o.value("intent"_L1).toString();
    t.code = firstCode(o.value("code"_L1).toObject(), QLatin1String(kSnomed));
    t.focusMedicationRequestId = referenceId(o.value("focus"_L1), "MedicationRequest"_L1);
    t.forPatientId = referenceId(o.value("for"_L1), "Patient"_L1);
    for (const QJsonValue &iv : o.value("input"_L1).toArray()) {
        const QJsonObject input = iv.toObject();
        if (firstCode(input.value("type"_L1).toObject(), QLatin1String(kOrderingParameterSystem)) == "preferred-performer"_L1)
            t.preferredPerformerOds = input.value("valueIdentifier"_L1).toObject().value("value"_L1).toString();
    }
    for (const QJsonValue &ov : o.value("output"_L1).toArray()) {
        const QJsonObject output = ov.toObject();
        if (firstCode(output.value("type"_L1).toObject(), QLatin1String(kOrderingParameterSystem)) == "sent-to-eps"_L1)
            t.sentToEpsItem = output.value("valueIdentifier"_L1).toObject().value("value"_L1).toString();
    }
    for (const QJsonValue &nv : o.value("note"_L1).toArray()) {
        const QString text = nv.toObject().value("text"_L1).toString();
        if (!text.isEmpty())
            t.notes << text;
    }
    t.authoredOn = instant(o.value("authoredOn"_L1));
    t.lastModified = instant(o.value("lastModified"_L1));
    const QJsonObject meta = o.value("meta"_L1).toObject();
    t.lastUpdated = instant(meta.value("lastUpdated"_L1));
    t.versionId = meta.value("versionId"_L1).toString();
    return t;
}

Result<BundleContents> read(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(Error::Kind::Parse, u"prescription payload is not a JSON object"_s);
    const QJsonObject root = doc.object();
    const QString type = root.value("resourceType"_L1).toString();
    BundleContents out;
    const auto take = [&out](const QJsonObject &r) {
        const QString t = r.value("resourceType"_L1).toString();
        if (t == "MedicationRequest"_L1)
            out.medicationRequests << readMedicationRequest(r);
        else if (t == "Task"_L1)
            out.tasks << readTask(r);
        else
            ++out.otherEntries;
    };
    if (type == "Bundle"_L1) {
        for (const QJsonValue &e : root.value("entry"_L1).toArray())
            take(e.toObject().value("resource"_L1).toObject());
        return out;
    }
    if (type == "MedicationRequest"_L1 || type == "Task"_L1) {
        take(root);
        return out;
    }
    return Error::make(Error::Kind::Parse, u"not a prescription payload"_s);
}

NotOrderableReason notOrderableReason(const MedicationRequestInfo &plan, const QDateTime &nowUtc)
{
    if (plan.intent != MedicationIntent::Plan
        || (plan.course != CourseOfTherapy::Continuous && plan.course != CourseOfTherapy::Seasonal
            && plan.course != CourseOfTherapy::RepeatDispensing))
        return NotOrderableReason::NotARepeat;
    if (plan.status != "active"_L1)
        return NotOrderableReason::NotActive;
    if (plan.course == CourseOfTherapy::RepeatDispensing)
        return NotOrderableReason::RepeatDispensing;
    if (plan.authorisationExpiry.isValid() && plan.authorisationExpiry <= nowUtc)
        return NotOrderableReason::AuthorisationEnded;
    if (plan.repeatsAllowed && plan.issuesSoFar && *plan.issuesSoFar >= *plan.repeatsAllowed)
        return NotOrderableReason::NoIssuesLeft;
    if (plan.onlineOrderingDisallowed)
        return NotOrderableReason::PracticeDisallows;
    return NotOrderableReason::None;
}

} // namespace prescriptions
} // namespace hearth
