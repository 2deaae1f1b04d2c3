#include "Prescriptions.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace hearth::sandbox {

namespace {

const QString kOds = QStringLiteral("https://fhir.nhs.uk/Id/ods-organization-code");
const QString kOrderingParameter = QStringLiteral("https://fhir.nhs.uk/England/CodeSystem/England-PFSPrescriptionOrderingParameter");
const QString kOrderItem = QStringLiteral("https://fhir.nhs.uk/Id/prescription-order-item-number");

struct PharmacySpec
{
    const char *ods;
    const char *name;
    const char *line;
    const char *postcode;
    const char *phone;
    bool weekends;
    const char *closes;   // weekday closing time
};

// Invented pharmacies in Leeds with made-up ODS-shaped codes (F + letter + 3 digits).
const PharmacySpec kPharmacies[] = {
    {"FA123", "Hyde Park Pharmacy", "12 Brudenell Road", "LS6 1BD", "0113 496 0101", true, "18:30:00"},
    {"FB456", "Headingley Chemist", "3 Otley Road", "LS6 3AA", "0113 496 0202", false, "17:30:00"},
    {"FC789", "Kirkstall Late Pharmacy", "88 Kirkstall Lane", "LS5 3JF", "0113 496 0303", true, "22:00:00"},
};

QString instant(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject coded(const QString &system, const char *code, const char *display)
{
    return {{QStringLiteral("coding"), QJsonArray{QJsonObject{{QStringLiteral("system"), system},
                                                              {QStringLiteral("code"), QString::fromLatin1(code)},
                                                              {QStringLiteral("display"), QString::fromLatin1(display)}}}}};
}

QJsonObject businessStatus(const char *text)
{
    return {{QStringLiteral("text"), QString::fromLatin1(text)}};
}

QString referenceId(const QJsonObject &o, const char *element, const char *type)
{
    const QString ref = o.value(QLatin1String(element)).toObject().value(QStringLiteral("reference")).toString();
    const QString prefix = QLatin1String(type) + QLatin1Char('/');
    return ref.startsWith(prefix) ? ref.mid(prefix.size()) : QString();
}

QString preferredPerformer(const QJsonObject &task)
{
    for (const auto &v : task.value(QStringLiteral("input")).toArray()) {
        const QJsonObject input = v.toObject();
        const auto codings = input.value(QStringLiteral("type")).toObject().value(QStringLiteral("coding")).toArray();
        if (!codings.isEmpty() && codings.first().toObject().value(QStringLiteral("code")).toString() == QLatin1String("preferred-performer"))
            return input.value(QStringLiteral("valueIdentifier")).toObject().value(QStringLiteral("value")).toString();
    }
    return {};
}

} // namespace

QString nominatedPharmacyOds(const QString &patientId)
{
    // The parent and the teenager use the nearest; the youngest child's prescriptions go to the late one.
    return patientId == QLatin1String("pat-0003") ? QStringLiteral("FC789") : QStringLiteral("FA123");
}

bool isDirectoryType(const QString &type)
{
    return type == QLatin1String("Organization") || type == QLatin1String("Location");
}

int addPharmacies(ResourceStore &store, qint64 stampMs)
{
    int n = 0;
    for (const PharmacySpec &p : kPharmacies) {
        const QString ods = QString::fromLatin1(p.ods);
        const QJsonObject address{{QStringLiteral("line"), QJsonArray{QString::fromLatin1(p.line)}},
                                  {QStringLiteral("city"), QStringLiteral("Leeds")},
                                  {QStringLiteral("postalCode"), QString::fromLatin1(p.postcode)},
                                  {QStringLiteral("country"), QStringLiteral("GB")}};
        const QJsonObject org{
            {QStringLiteral("identifier"), QJsonArray{QJsonObject{{QStringLiteral("system"), kOds}, {QStringLiteral("value"), ods}}}},
            {QStringLiteral("active"), true},
            {QStringLiteral("type"), QJsonArray{coded(QStringLiteral("http://terminology.hl7.org/CodeSystem/organization-type"),
                                                       "prov", "Healthcare Provider")}},
            {QStringLiteral("name"), QString::fromLatin1(p.name)},
            {QStringLiteral("telecom"), QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                                               {QStringLiteral("value"), QString::fromLatin1(p.phone)}}}},
            {QStringLiteral("address"), QJsonArray{address}}};
        store.insert(QStringLiteral("Organization"), QStringLiteral("pharm-") + ods, QString(), stampMs, org);

        QJsonArray hours{QJsonObject{{QStringLiteral("daysOfWeek"), QJsonArray{QStringLiteral("mon"), QStringLiteral("tue"),
                                                                                 QStringLiteral("wed"), QStringLiteral("thu"),
                                                                                 QStringLiteral("fri")}},
                                     {QStringLiteral("openingTime"), QStringLiteral("09:00:00")},
                                     {QStringLiteral("closingTime"), QString::fromLatin1(p.closes)}}};
        if (p.weekends)
            hours.append(QJsonObject{{QStringLiteral("daysOfWeek"), QJsonArray{QStringLiteral("sat"), QStringLiteral("sun")}},
                                     {QStringLiteral("openingTime"), QStringLiteral("10:00:00")},
                                     {QStringLiteral("closingTime"), QStringLiteral("16:00:00")}});
        const QJsonObject location{
            {QStringLiteral("status"), QStringLiteral("active")},
            {QStringLiteral("name"), QString::fromLatin1(p.name)},
            {QStringLiteral("address"), address},
            {QStringLiteral("managingOrganization"),
             QJsonObject{{QStringLiteral("reference"), QStringLiteral("Organization/pharm-") + ods}}},
            {QStringLiteral("hoursOfOperation"), hours}};
        store.insert(QStringLiteral("Location"), QStringLiteral("pharm-loc-") + ods, QString(), stampMs, location);
        ++n;
    }
    return n;
}

namespace {

// JSON Pointer tokens of `path` ("/a/b~1c" → a, b/c); false for the whole document or a bad pointer.
bool pointerTokens(const QString &path, QStringList *tokens)
{
    if (!path.startsWith(QLatin1Char('/')))
        return false;
    *tokens = path.mid(1).split(QLatin1Char('/'));
    for (QString &t : *tokens)
        t.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
    return true;
}

bool applyAt(QJsonValue &node, const QStringList &tokens, int i, const QString &op, const QJsonValue &value, QString *error)
{
    const QString &key = tokens.at(i);
    const bool last = i == tokens.size() - 1;
    const auto fail = [error](const QString &why) {
        *error = why;
        return false;
    };
    if (node.isObject()) {
        QJsonObject o = node.toObject();
        if (!last) {
            if (!o.contains(key))
                return fail(QStringLiteral("path not found"));
            QJsonValue child = o.value(key);
            if (!applyAt(child, tokens, i + 1, op, value, error))
                return false;
            o.insert(key, child);
        } else if (op == QLatin1String("add")) {
            o.insert(key, value);
        } else if (!o.contains(key)) {
            return fail(QStringLiteral("path not found"));
        } else if (op == QLatin1String("replace")) {
            o.insert(key, value);
        } else if (op == QLatin1String("remove")) {
            o.remove(key);
        } else if (op == QLatin1String("test")) {
            if (o.value(key) != value)
                return fail(QStringLiteral("test failed"));
        }
        node = o;
        return true;
    }
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        bool ok = key != QLatin1String("-");
        int index = ok ? key.toInt(&ok) : int(a.size());
        const bool append = key == QLatin1String("-") && last && op == QLatin1String("add");
        if (!append && (!ok || index < 0 || index > a.size() || (index == a.size() && !(last && op == QLatin1String("add")))))
            return fail(QStringLiteral("array index out of range"));
        if (!last) {
            QJsonValue child = a.at(index);
            if (!applyAt(child, tokens, i + 1, op, value, error))
                return false;
            a.replace(index, child);
        } else if (op == QLatin1String("add")) {
            a.insert(index, value);
        } else if (op == QLatin1String("replace")) {
            a.replace(index, value);
        } else if (op == QLatin1String("remove")) {
            a.removeAt(index);
        } else if (op == QLatin1String("test")) {
            if (a.at(index) != value)
                return fail(QStringLiteral("test failed"));
        }
        node = a;
        return true;
    }
    return fail(QStringLiteral("path not found"));
}

} // namespace

bool applyJsonPatch(QJsonObject &resource, const QJsonArray &operations, QString *error)
{
    static const QStringList ops{QStringLiteral("add"), QStringLiteral("remove"), QStringLiteral("replace"), QStringLiteral("test")};
    QJsonValue working(resource);
    for (const QJsonValue &v : operations) {
        const QJsonObject operation = v.toObject();
        const QString op = operation.value(QStringLiteral("op")).toString();
        QStringList tokens;
        if (!ops.contains(op)) {
            *error = QStringLiteral("unsupported op: ") + op;
            return false;
        }
        if (!pointerTokens(operation.value(QStringLiteral("path")).toString(), &tokens)) {
            *error = QStringLiteral("path must be a JSON Pointer below the resource");
            return false;
        }
        if (op != QLatin1String("remove") && !operation.contains(QStringLiteral("value"))) {
            *error = op + QStringLiteral(" needs a value");
            return false;
        }
        if (!applyAt(working, tokens, 0, op, operation.value(QStringLiteral("value")), error))
            return false;
    }
    resource = working.toObject();
    return true;
}

bool patchTouchesOnlyExtensions(const QJsonArray &operations)
{
    for (const QJsonValue &v : operations) {
        const QString path = v.toObject().value(QStringLiteral("path")).toString();
        if (path != QLatin1String("/extension") && !path.startsWith(QLatin1String("/extension/")))
            return false;
    }
    return !operations.isEmpty();
}

QString PrescriptionWorkflow::refusal(const QJsonObject &task, const QString &patientId, QString *diagnostics) const
{
    const QString templateId = referenceId(task, "focus", "MedicationRequest");
    if (templateId.isEmpty())
        return {};   // not a repeat request: nothing to check here
    const StoredResource *stored = m_store.find(QStringLiteral("MedicationRequest"), templateId);
    if (!stored || stored->deleted || stored->patientId != patientId) {
        *diagnostics = QStringLiteral("focus MedicationRequest is not a repeat template of this patient");
        return QStringLiteral("We could not find this medicine on your repeat list. Please contact your GP surgery.");
    }
    const QJsonObject plan = QJsonDocument::fromJson(stored->json).object();
    if (plan.value(QStringLiteral("intent")).toString() != QLatin1String("plan")
        || plan.value(QStringLiteral("status")).toString() != QLatin1String("active")) {
        *diagnostics = QStringLiteral("focus MedicationRequest is not an active repeat template");
        return QStringLiteral("This medicine is no longer on your repeat list. Please contact your GP surgery.");
    }
    for (const QJsonValue &v : plan.value(QStringLiteral("extension")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString url = e.value(QStringLiteral("url")).toString();
        if (url == QLatin1String("https://fhir.hearth.example/StructureDefinition/patient-online-ordering-allowed")
            && e.value(QStringLiteral("valueBoolean")) == QJsonValue(false)) {
            *diagnostics = QStringLiteral("the practice does not allow this repeat to be ordered online");
            return QStringLiteral("This medicine cannot be ordered online. Please contact your GP surgery.");
        }
        if (url == QLatin1String("https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationRepeatInformation")) {
            int issued = -1;
            for (const QJsonValue &inner : e.value(QStringLiteral("extension")).toArray())
                if (inner.toObject().value(QStringLiteral("url")).toString() == QLatin1String("numberOfPrescriptionsIssued"))
                    issued = inner.toObject().value(QStringLiteral("valueUnsignedInt")).toInt(-1);
            const QJsonValue allowed = plan.value(QStringLiteral("dispenseRequest")).toObject().value(QStringLiteral("numberOfRepeatsAllowed"));
            if (issued >= 0 && allowed.isDouble() && issued >= allowed.toInt()) {
                *diagnostics = QStringLiteral("numberOfPrescriptionsIssued has reached numberOfRepeatsAllowed");
                return QStringLiteral("There are no repeats left on this prescription. Please contact your GP surgery to ask for a review.");
            }
        }
    }
    return {};
}

PrescriptionWorkflow::PrescriptionWorkflow(ResourceStore &store, std::function<qint64()> stamp)
    : m_store(store), m_stamp(std::move(stamp))
{
    QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
}

void PrescriptionWorkflow::recordVersion(const StoredResource &task)
{
    m_history[task.id].append(task.json);
}

QList<QByteArray> PrescriptionWorkflow::history(const QString &taskId) const
{
    return m_history.value(taskId);
}

void PrescriptionWorkflow::setStepMs(int ms)
{
    m_stepMs = std::max(0, ms);
    if (m_stepMs == 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(std::max(10, m_stepMs / 4));
}

void PrescriptionWorkflow::tick()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList due;
    for (const StoredResource *r : m_store.all(QStringLiteral("Task")))
        if (now - r->lastUpdatedMs >= m_stepMs)
            due << r->id;
    for (const QString &id : std::as_const(due))
        advance(id, m_autoReject);
}

PrescriptionWorkflow::Outcome PrescriptionWorkflow::advance(const QString &taskId, const QString &rejectReason)
{
    return advanceAt(taskId, rejectReason, m_stamp());
}

void PrescriptionWorkflow::seedPastRequests(const QString &patientId, qint64 referenceMs)
{
    // The patient's repeats the practice allows online, by medicine name (deterministic).
    QList<QPair<QString, QString>> repeats;   // medicine, template id
    for (const StoredResource *r : m_store.search(QStringLiteral("MedicationRequest"), patientId, {})) {
        const QJsonObject plan = QJsonDocument::fromJson(r->json).object();
        QString diagnostics;
        if (plan.value(QStringLiteral("intent")).toString() == QLatin1String("plan")
            && refusal(QJsonObject{{QStringLiteral("focus"), QJsonObject{{QStringLiteral("reference"),
                                                                          QStringLiteral("MedicationRequest/") + r->id}}}},
                       patientId, &diagnostics).isEmpty())
            repeats.append({plan.value(QStringLiteral("medicationCodeableConcept")).toObject().value(QStringLiteral("text")).toString(), r->id});
    }
    std::sort(repeats.begin(), repeats.end());
    if (repeats.size() < 2)
        return;
    const qint64 minute = 60 * 1000;
    const qint64 day = 24 * 60 * minute;
    // Collected: asked for 19 days before the reference at 09:12, reviewed, approved and issued the next
    // morning, ready two days later, collected the evening after.
    const qint64 a = referenceMs - 19 * day + 9 * 60 * minute + 12 * minute;
    seedRequest(QStringLiteral("rx-past-1"), patientId, repeats.at(0).second,
                {a, a + 148 * minute, a + day + 53 * minute, a + day + 54 * minute, a + 2 * day + 318 * minute,
                 a + 3 * day + 478 * minute},
                {});
    // Rejected: the practice wants a review first.
    const qint64 b = referenceMs - 6 * day + 19 * 60 * minute + 40 * minute;
    seedRequest(QStringLiteral("rx-past-2"), patientId, repeats.at(1).second, {b, b + 15 * 60 * minute, b + day + 2 * 60 * minute},
                QStringLiteral("Please book a medication review with your GP before we issue more of this medicine."));
}

void PrescriptionWorkflow::seedRequest(const QString &taskId, const QString &patientId, const QString &templateId,
                                       const QList<qint64> &stepTimes, const QString &rejectReason)
{
    const QString when = instant(stepTimes.first());
    const QJsonObject patient{{QStringLiteral("reference"), QStringLiteral("Patient/") + patientId}};
    const QJsonObject task{
        {QStringLiteral("resourceType"), QStringLiteral("Task")},
        {QStringLiteral("identifier"), QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("https://fhir.hearth.example/sandbox/task")},
                                                              {QStringLiteral("value"), taskId}}}},
        {QStringLiteral("status"), QStringLiteral("requested")},
        {QStringLiteral("intent"), QStringLiteral("order")},
        {QStringLiteral("code"), coded(QStringLiteral("http://snomed.info/sct"), "103742009", "Renewal of prescription")},
        {QStringLiteral("focus"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("MedicationRequest/") + templateId}}},
        {QStringLiteral("for"), patient},
        {QStringLiteral("requester"), patient},
        {QStringLiteral("authoredOn"), when},
        {QStringLiteral("lastModified"), when},
        {QStringLiteral("input"), QJsonArray{QJsonObject{
             {QStringLiteral("type"), coded(kOrderingParameter, "preferred-performer", "Preferred performer")},
             {QStringLiteral("valueIdentifier"), QJsonObject{{QStringLiteral("system"), kOds},
                                                             {QStringLiteral("value"), nominatedPharmacyOds(patientId)}}}}}}};
    recordVersion(*m_store.insert(QStringLiteral("Task"), taskId, patientId, stepTimes.first(), task));
    for (qsizetype i = 1; i < stepTimes.size(); ++i)
        advanceAt(taskId, i == 2 ? rejectReason : QString(), stepTimes.at(i));
}

PrescriptionWorkflow::Outcome PrescriptionWorkflow::advanceAt(const QString &taskId, const QString &rejectReason, qint64 now)
{
    const StoredResource *stored = m_store.find(QStringLiteral("Task"), taskId);
    if (!stored || stored->deleted)
        return {404, {}, QStringLiteral("unknown Task")};
    const QJsonObject task = QJsonDocument::fromJson(stored->json).object();
    const QString status = task.value(QStringLiteral("status")).toString();
    const QString business = task.value(QStringLiteral("businessStatus")).toObject().value(QStringLiteral("text")).toString();
    const QString templateId = referenceId(task, "focus", "MedicationRequest");
    if (templateId.isEmpty())
        return {400, {}, QStringLiteral("the Task's focus is not a MedicationRequest")};

    QString step;
    std::function<void(QJsonObject &)> change;
    if (status == QLatin1String("requested") || status == QLatin1String("received")) {
        step = QStringLiteral("in-review");
        change = [](QJsonObject &t) {
            t.insert(QStringLiteral("status"), QStringLiteral("in-progress"));
            t.insert(QStringLiteral("businessStatus"), businessStatus("In review"));
        };
    } else if (status == QLatin1String("in-progress") && !rejectReason.isEmpty()) {
        step = QStringLiteral("rejected");
        change = [rejectReason](QJsonObject &t) {
            t.insert(QStringLiteral("status"), QStringLiteral("rejected"));
            t.remove(QStringLiteral("businessStatus"));
            t.insert(QStringLiteral("statusReason"), QJsonObject{{QStringLiteral("text"), rejectReason}});
        };
    } else if (status == QLatin1String("in-progress")) {
        step = QStringLiteral("accepted");
        change = [](QJsonObject &t) {
            t.insert(QStringLiteral("status"), QStringLiteral("accepted"));
            t.remove(QStringLiteral("businessStatus"));
        };
    } else if (status == QLatin1String("accepted")) {
        // The GP issues it: an order MedicationRequest based on the template, sent to EPS.
        const StoredResource *plan = m_store.find(QStringLiteral("MedicationRequest"), templateId);
        if (!plan || plan->deleted)
            return {409, {}, QStringLiteral("the repeat template is gone")};
        QJsonObject issue = QJsonDocument::fromJson(plan->json).object();
        for (const char *drop : {"id", "meta", "extension", "encounter", "identifier"})
            issue.remove(QLatin1String(drop));
        const QString item = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString pharmacy = preferredPerformer(task);
        issue.insert(QStringLiteral("identifier"), QJsonArray{QJsonObject{{QStringLiteral("system"), kOrderItem},
                                                                          {QStringLiteral("value"), item}}});
        issue.insert(QStringLiteral("intent"), QStringLiteral("order"));
        issue.insert(QStringLiteral("status"), QStringLiteral("active"));
        issue.insert(QStringLiteral("authoredOn"), instant(now));
        issue.insert(QStringLiteral("basedOn"), QJsonArray{QJsonObject{{QStringLiteral("reference"),
                                                                        QStringLiteral("MedicationRequest/") + templateId}}});
        QJsonObject dispense = issue.value(QStringLiteral("dispenseRequest")).toObject();
        if (!pharmacy.isEmpty())
            dispense.insert(QStringLiteral("performer"),
                            QJsonObject{{QStringLiteral("identifier"), QJsonObject{{QStringLiteral("system"), kOds},
                                                                                   {QStringLiteral("value"), pharmacy}}}});
        issue.insert(QStringLiteral("dispenseRequest"), dispense);
        const QString patientId = plan->patientId;   // insert() may move the store's entries
        m_store.insert(QStringLiteral("MedicationRequest"), QStringLiteral("rx-issue-%1").arg(++m_issued), patientId, now,
                       issue);
        step = QStringLiteral("issued");
        change = [item](QJsonObject &t) {
            t.insert(QStringLiteral("status"), QStringLiteral("completed"));
            t.insert(QStringLiteral("output"),
                     QJsonArray{QJsonObject{{QStringLiteral("type"), coded(kOrderingParameter, "sent-to-eps", "Sent to EPS")},
                                            {QStringLiteral("valueIdentifier"),
                                             QJsonObject{{QStringLiteral("system"), kOrderItem}, {QStringLiteral("value"), item}}}}});
        };
    } else if (status == QLatin1String("completed") && business.isEmpty()) {
        step = QStringLiteral("ready-to-collect");
        change = [](QJsonObject &t) { t.insert(QStringLiteral("businessStatus"), businessStatus("Ready to collect")); };
    } else if (status == QLatin1String("completed") && business == QLatin1String("Ready to collect")) {
        step = QStringLiteral("collected");
        change = [](QJsonObject &t) { t.insert(QStringLiteral("businessStatus"), businessStatus("Collected")); };
        // The issue has been dispensed.
        for (const StoredResource *r : m_store.search(QStringLiteral("MedicationRequest"), stored->patientId, {})) {
            const QJsonObject mr = QJsonDocument::fromJson(r->json).object();
            if (mr.value(QStringLiteral("intent")).toString() == QLatin1String("order")
                && mr.value(QStringLiteral("status")).toString() == QLatin1String("active")
                && mr.value(QStringLiteral("basedOn")).toArray().first().toObject().value(QStringLiteral("reference")).toString()
                       == QStringLiteral("MedicationRequest/") + templateId) {
                const QString id = r->id;
                m_store.update(QStringLiteral("MedicationRequest"), id, now,
                               [](QJsonObject &o) { o.insert(QStringLiteral("status"), QStringLiteral("completed")); });
                break;
            }
        }
    } else {
        return {409, {}, QStringLiteral("nothing further for this Task")};
    }
    const QString when = instant(now);
    m_store.update(QStringLiteral("Task"), taskId, now, [&](QJsonObject &t) {
        change(t);
        t.insert(QStringLiteral("lastModified"), when);
    });
    recordVersion(*m_store.find(QStringLiteral("Task"), taskId));
    return {200, step, {}};
}

} // namespace hearth::sandbox
