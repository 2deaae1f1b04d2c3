// The sandbox's whole GP record over HTTP: consultation notes linked to encounters, documents (DocumentReference
// -> Binary) with their access rules and bytes, results variety, unsupported entries, determinism and counts.
#include "SandboxClient.h"

#include <QBuffer>
#include <QImage>
#include <QPdfDocument>
#include <QPdfSelection>

namespace {

const QString kCommentNote = QStringLiteral("37331000000100");

// Every resource of one type and patient, following next links.
QList<QJsonObject> all(const Fixture &f, const QByteArray &token, const QString &type, const QString &patientId,
                       int count = 1000)
{
    QList<QJsonObject> out;
    QUrl url = f.fhir(QStringLiteral("/%1?patient=%2&_count=%3").arg(type, patientId).arg(count));
    for (int guard = 0; guard < 1000 && url.isValid() && !url.isEmpty(); ++guard) {
        const Response r = get(url, token);
        REQUIRE(r.status == 200);
        const QJsonObject bundle = r.object();
        for (const auto &e : bundle.value(QStringLiteral("entry")).toArray())
            out.append(e.toObject().value(QStringLiteral("resource")).toObject());
        url = nextLink(bundle);
    }
    return out;
}

QStringList familyIds(const Fixture &f)
{
    QStringList ids;
    for (const auto &p : QJsonDocument::fromJson(get(f.url(QStringLiteral("/_sandbox/patients"))).body).array())
        ids.append(p.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

QString codeOf(const QJsonObject &codeable, const QString &system)
{
    for (const auto &c : codeable.value(QStringLiteral("coding")).toArray())
        if (c.toObject().value(QStringLiteral("system")).toString() == system)
            return c.toObject().value(QStringLiteral("code")).toString();
    return {};
}

const QString kSct = QStringLiteral("http://snomed.info/sct");
const QString kLoincSystem = QStringLiteral("http://loinc.org");

bool isNote(const QJsonObject &obs) { return codeOf(obs.value(QStringLiteral("code")).toObject(), kSct) == kCommentNote; }

// Checks a PDF's cross-reference table: startxref points at "xref", and every in-use entry's offset at "<n> 0 obj".
void checkPdfStructure(const QByteArray &pdf)
{
    REQUIRE(pdf.startsWith("%PDF-1."));
    REQUIRE(pdf.endsWith("%%EOF\n"));
    const qsizetype sx = pdf.lastIndexOf("startxref\n");
    REQUIRE(sx > 0);
    const qsizetype xref = pdf.mid(sx + 10).split('\n').value(0).toLongLong();
    REQUIRE(pdf.mid(xref, 5) == "xref\n");
    const QList<QByteArray> header = pdf.mid(xref + 5).split('\n').value(0).split(' ');
    REQUIRE(header.size() == 2);
    const int entries = header.at(1).toInt();
    REQUIRE(entries > 3);
    const qsizetype table = xref + 5 + header.at(0).size() + 1 + header.at(1).size() + 1;
    CHECK(pdf.mid(table, 20) == "0000000000 65535 f \n");
    for (int n = 1; n < entries; ++n) {
        const QByteArray entry = pdf.mid(table + 20 * n, 20);
        REQUIRE(entry.size() == 20);
        REQUIRE(entry.endsWith(" 00000 n \n"));
        const qsizetype offset = entry.left(10).toLongLong();
        INFO("object " << n << " at " << offset);
        CHECK(pdf.mid(offset, QByteArray::number(n).size() + 6) == QByteArray::number(n) + " 0 obj");
    }
}

} // namespace

TEST_CASE("every encounter has a consultation note; entries link only to existing encounters", "[sandbox]")
{
    Fixture f;
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    QString allNotes;
    int multiParagraph = 0;
    for (const QString &patient : familyIds(f)) {
        INFO(patient.toStdString());
        QSet<QString> encounters;
        for (const QJsonObject &e : all(f, token, QStringLiteral("Encounter"), patient)) {
            encounters.insert(e.value(QStringLiteral("id")).toString());
            const QJsonArray participants = e.value(QStringLiteral("participant")).toArray();
            REQUIRE_FALSE(participants.isEmpty());
            CHECK_FALSE(participants.at(0).toObject().value(QStringLiteral("individual")).toObject().value(QStringLiteral("display")).toString().isEmpty());
            CHECK_FALSE(e.value(QStringLiteral("reasonCode")).toArray().isEmpty());
            CHECK(e.value(QStringLiteral("period")).toObject().contains(QStringLiteral("start")));
        }
        REQUIRE(encounters.size() >= 15);

        QSet<QString> noted;
        for (const QJsonObject &o : all(f, token, QStringLiteral("Observation"), patient)) {
            const QString encounter = o.value(QStringLiteral("encounter")).toObject().value(QStringLiteral("reference")).toString();
            if (!encounter.isEmpty()) {
                INFO(encounter.toStdString());
                CHECK(encounters.contains(encounter.mid(10)));
            }
            if (!isNote(o))
                continue;
            const QString text = o.value(QStringLiteral("valueString")).toString();
            CHECK(text.size() > 40);
            CHECK_FALSE(o.contains(QStringLiteral("category"))); // notes are not results
            CHECK(encounter.startsWith(QLatin1String("Encounter/")));
            noted.insert(encounter.mid(10));
            allNotes += text + QLatin1Char('\n');
            if (text.contains(QLatin1String("\n\n")))
                ++multiParagraph;
        }
        CHECK(noted == encounters);

        // Problems, medicines, vaccines and reports made at a visit point at an encounter that exists.
        int linked = 0;
        for (const QString &type : {QStringLiteral("Condition"), QStringLiteral("MedicationRequest"),
                                   QStringLiteral("Immunization"), QStringLiteral("DiagnosticReport")}) {
            for (const QJsonObject &r : all(f, token, type, patient)) {
                const QString encounter = r.value(QStringLiteral("encounter")).toObject().value(QStringLiteral("reference")).toString();
                if (encounter.isEmpty())
                    continue;
                ++linked;
                INFO(type.toStdString() << " " << encounter.toStdString());
                CHECK(encounters.contains(encounter.mid(10)));
            }
        }
        CHECK(linked >= 10);
        // Every vaccine was given at a consultation.
        for (const QJsonObject &imm : all(f, token, QStringLiteral("Immunization"), patient))
            CHECK(imm.value(QStringLiteral("encounter")).toObject().value(QStringLiteral("reference")).toString().startsWith(QLatin1String("Encounter/")));
    }
    for (const char *word : {"cough", "headache", "asthma review", "O/E", "F/U", "c/o", "NAD", "BP ", "Rx", "2/52", "T/C"}) {
        INFO(word);
        CHECK(allNotes.contains(QLatin1String(word), Qt::CaseInsensitive));
    }
    CHECK(multiParagraph >= 20);
}

TEST_CASE("documents: DocumentReference search, Binary read and its access rules", "[sandbox][security]")
{
    Fixture f;
    const QString parentId = f.patientInfo(QStringLiteral("parent")).value(QStringLiteral("id")).toString();
    const QString teenId = f.patientInfo(QStringLiteral("teen")).value(QStringLiteral("id")).toString();
    const QByteArray parent = f.accessToken(QStringLiteral("parent"));
    const QByteArray teen = f.accessToken(QStringLiteral("teen"));

    QSet<QString> contentTypes;
    QString parentBinary;
    for (const QString &patient : familyIds(f)) {
        const QList<QJsonObject> docs = all(f, parent, QStringLiteral("DocumentReference"), patient);
        REQUIRE(docs.size() >= 3);
        for (const QJsonObject &doc : docs) {
            CHECK(doc.value(QStringLiteral("status")).toString() == QLatin1String("current"));
            CHECK_FALSE(codeOf(doc.value(QStringLiteral("type")).toObject(), kSct).isEmpty());
            CHECK_FALSE(doc.value(QStringLiteral("date")).toString().isEmpty());
            CHECK_FALSE(doc.value(QStringLiteral("author")).toArray().at(0).toObject().value(QStringLiteral("display")).toString().isEmpty());
            CHECK(doc.value(QStringLiteral("subject")).toObject().value(QStringLiteral("reference")).toString() == QStringLiteral("Patient/") + patient);
            const QJsonObject attachment = doc.value(QStringLiteral("content")).toArray().at(0).toObject().value(QStringLiteral("attachment")).toObject();
            const QString url = attachment.value(QStringLiteral("url")).toString();
            REQUIRE(url.startsWith(QLatin1String("Binary/")));
            const Response read = get(f.fhir(QLatin1Char('/') + url), parent); // relative to the FHIR base
            REQUIRE(read.status == 200);
            const QJsonObject binary = read.object();
            CHECK(binary.value(QStringLiteral("resourceType")).toString() == QLatin1String("Binary"));
            CHECK(binary.value(QStringLiteral("contentType")) == attachment.value(QStringLiteral("contentType")));
            CHECK(binary.value(QStringLiteral("securityContext")).toObject().value(QStringLiteral("reference")).toString()
                  == QStringLiteral("Patient/") + patient);
            const QByteArray bytes = QByteArray::fromBase64(binary.value(QStringLiteral("data")).toString().toLatin1());
            CHECK(bytes.size() == attachment.value(QStringLiteral("size")).toInt());
            CHECK(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toBase64()
                  == attachment.value(QStringLiteral("hash")).toString().toLatin1());
            contentTypes.insert(attachment.value(QStringLiteral("contentType")).toString().section(QLatin1Char(';'), 0, 0));
            if (patient == parentId && parentBinary.isEmpty())
                parentBinary = url;
            const QString encounter = doc.value(QStringLiteral("context")).toObject().value(QStringLiteral("encounter")).toArray()
                                          .at(0).toObject().value(QStringLiteral("reference")).toString();
            if (!encounter.isEmpty())
                CHECK(get(f.fhir(QLatin1Char('/') + encounter), parent).status == 200);
        }
    }
    CHECK(contentTypes == QSet<QString>{QStringLiteral("application/pdf"), QStringLiteral("image/png"),
                                        QStringLiteral("text/plain"), QStringLiteral("application/dicom")});

    // Another patient's token: the list and the bytes are refused; the teen's own are fine.
    CHECK(get(f.fhir(QStringLiteral("/DocumentReference?patient=") + parentId), teen).status == 403);
    CHECK(get(f.fhir(QLatin1Char('/') + parentBinary), teen).status == 403);
    CHECK(get(f.fhir(QLatin1Char('/') + parentBinary)).status == 401);
    const QList<QJsonObject> teenDocs = all(f, teen, QStringLiteral("DocumentReference"), teenId);
    REQUIRE_FALSE(teenDocs.isEmpty());
    const QString teenBinary = teenDocs.at(0).value(QStringLiteral("content")).toArray().at(0).toObject()
                                   .value(QStringLiteral("attachment")).toObject().value(QStringLiteral("url")).toString();
    CHECK(get(f.fhir(QLatin1Char('/') + teenBinary), teen).status == 200);
    CHECK(get(f.fhir(QStringLiteral("/Binary/bin-none-000001")), teen).status == 404);
    CHECK(get(f.fhir(QStringLiteral("/Binary?patient=") + teenId), teen).status == 400);

    // Standard paging and _lastUpdated, as for every other type.
    QStringList paged;
    QString newest;
    for (const QJsonObject &doc : all(f, parent, QStringLiteral("DocumentReference"), parentId, 2)) {
        paged.append(doc.value(QStringLiteral("id")).toString());
        newest = std::max(newest, doc.value(QStringLiteral("meta")).toObject().value(QStringLiteral("lastUpdated")).toString());
    }
    CHECK(paged.size() == f.patientInfo(QStringLiteral("parent")).value(QStringLiteral("documentCounts")).toObject()
                              .value(QStringLiteral("DocumentReference")).toInt());
    CHECK(QSet<QString>(paged.begin(), paged.end()).size() == paged.size());
    const Response none = get(f.fhir(QStringLiteral("/DocumentReference?patient=%1&_lastUpdated=gt%2").arg(parentId, newest)), parent);
    CHECK(none.object().value(QStringLiteral("total")).toInt() == 0);
    const Response some = get(f.fhir(QStringLiteral("/DocumentReference?patient=%1&_lastUpdated=le%2").arg(parentId, newest)), parent);
    CHECK(some.object().value(QStringLiteral("total")).toInt() == paged.size());

    // A letter marked entered-in-error comes back in an incremental search with that status; a Binary cannot be.
    const QString firstDoc = paged.value(0);
    const Response marked = send("POST", f.url(QStringLiteral("/_sandbox/withdraw?type=DocumentReference&how=entered-in-error&id=") + firstDoc));
    REQUIRE(marked.status == 200);
    const QList<QJsonObject> changed = [&] {
        QList<QJsonObject> out;
        const Response r = get(f.fhir(QStringLiteral("/DocumentReference?patient=%1&_lastUpdated=gt%2").arg(parentId, newest)), parent);
        for (const auto &e : r.object().value(QStringLiteral("entry")).toArray())
            out.append(e.toObject().value(QStringLiteral("resource")).toObject());
        return out;
    }();
    REQUIRE(changed.size() == 1);
    CHECK(changed.at(0).value(QStringLiteral("id")).toString() == firstDoc);
    CHECK(changed.at(0).value(QStringLiteral("status")).toString() == QLatin1String("entered-in-error"));
    CHECK(send("POST", f.url(QStringLiteral("/_sandbox/withdraw?type=Binary&how=entered-in-error&id=") + parentBinary.mid(7))).status == 400);

    // The capability statement names both types; Binary is read-only.
    const QByteArray capability = get(f.fhir(QStringLiteral("/metadata"))).body;
    CHECK(capability.contains("\"DocumentReference\""));
    CHECK(capability.contains("\"Binary\""));
}

TEST_CASE("document bytes: PDFs parse, PNGs decode, DICOM and text are what they say", "[sandbox]")
{
    Fixture f;
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    int pdfs = 0;
    int multiPage = 0;
    for (const QString &patient : familyIds(f)) {
        for (const QJsonObject &doc : all(f, token, QStringLiteral("DocumentReference"), patient)) {
            const QJsonObject attachment = doc.value(QStringLiteral("content")).toArray().at(0).toObject().value(QStringLiteral("attachment")).toObject();
            const QString url = attachment.value(QStringLiteral("url")).toString();
            const QString type = attachment.value(QStringLiteral("contentType")).toString().section(QLatin1Char(';'), 0, 0);
            const QByteArray bytes = QByteArray::fromBase64(get(f.fhir(QLatin1Char('/') + url), token).object()
                                                                 .value(QStringLiteral("data")).toString().toLatin1());
            INFO(url.toStdString() << " " << type.toStdString());
            if (type == QLatin1String("application/pdf")) {
                ++pdfs;
                checkPdfStructure(bytes);
                QBuffer buffer;
                buffer.setData(bytes);
                buffer.open(QIODevice::ReadOnly);
                QPdfDocument pdf;
                pdf.load(&buffer);
                REQUIRE(pdf.status() == QPdfDocument::Status::Ready);
                REQUIRE(pdf.pageCount() >= 1);
                if (pdf.pageCount() > 1)
                    ++multiPage;
                // Rendered, the first page has ink on it (text drawn, not only present in the file).
                const QImage page = pdf.render(0, QSize(298, 421));
                REQUIRE_FALSE(page.isNull());
                int ink = 0;
                for (int y = 0; y < page.height(); ++y)
                    for (int x = 0; x < page.width(); ++x)
                        ink += qGray(page.pixel(x, y)) < 128 ? 1 : 0;
                CHECK(ink > 500);
                if (qEnvironmentVariableIsSet("HEARTH_SANDBOX_DUMP"))
                    page.save(qEnvironmentVariable("HEARTH_SANDBOX_DUMP") + QLatin1Char('/') + url.mid(7) + QStringLiteral(".png"));
                const QString text = pdf.getAllText(0).text();
                CHECK(text.contains(QLatin1String("NHS number")));
                CHECK_FALSE(pdf.metaData(QPdfDocument::MetaDataField::Title).toString().isEmpty());
                // The raw form of the same Binary, for a client that asks for the media type.
                const Response raw = send("GET", f.fhir(QLatin1Char('/') + url), token, {}, {}, {{"Accept", "application/pdf"}});
                CHECK(raw.status == 200);
                CHECK(raw.headers.value("content-type").startsWith("application/pdf"));
                CHECK(raw.body == bytes);
            } else if (type == QLatin1String("image/png")) {
                QImage image;
                REQUIRE(image.loadFromData(bytes, "PNG"));
                CHECK(image.width() >= 200);
                CHECK(image.height() >= 150);
                CHECK(image.isGrayscale());
            } else if (type == QLatin1String("application/dicom")) {
                REQUIRE(bytes.size() > 132);
                CHECK(bytes.mid(128, 4) == "DICM");
                CHECK(bytes.left(128) == QByteArray(128, '\0'));
            } else {
                CHECK(type == QLatin1String("text/plain"));
                const QString text = QString::fromUtf8(bytes);
                CHECK(text.contains(QLatin1String("Dear")));
                CHECK(text.contains(QLatin1String("NHS number")));
            }
        }
    }
    CHECK(pdfs >= 4);
    CHECK(multiPage >= 1);
}

TEST_CASE("results variety for trends, and entries the app cannot show", "[sandbox]")
{
    Fixture f;
    const QString parentId = f.patientInfo(QStringLiteral("parent")).value(QStringLiteral("id")).toString();
    const QString teenId = f.patientInfo(QStringLiteral("teen")).value(QStringLiteral("id")).toString();
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const QList<QJsonObject> observations = all(f, token, QStringLiteral("Observation"), parentId);
    int peakFlow = 0, bpPanels = 0, textOnly = 0, textRange = 0, sampled = 0, glucoseMoles = 0, glucoseMass = 0;
    QSet<QString> hbUnits;
    for (const QJsonObject &o : observations) {
        const QJsonObject code = o.value(QStringLiteral("code")).toObject();
        const QString loinc = codeOf(code, kLoincSystem);
        const QString sct = codeOf(code, kSct);
        if (sct == QLatin1String("29893006")) {
            ++peakFlow;
            CHECK(loinc.isEmpty()); // SNOMED CT only
            CHECK(o.value(QStringLiteral("valueQuantity")).toObject().value(QStringLiteral("code")).toString() == QLatin1String("L/min"));
        }
        if (loinc == QLatin1String("85354-9")) {
            ++bpPanels;
            CHECK(sct == QLatin1String("75367002")); // LOINC and SNOMED CT together
            CHECK(o.value(QStringLiteral("component")).toArray().size() == 2);
        }
        if (loinc == QLatin1String("718-7"))
            hbUnits.insert(o.value(QStringLiteral("valueQuantity")).toObject().value(QStringLiteral("code")).toString());
        if (loinc == QLatin1String("14771-0"))
            ++glucoseMoles;
        if (loinc == QLatin1String("1558-6"))
            ++glucoseMass;
        if (o.contains(QStringLiteral("valueString")) && !isNote(o))
            ++textOnly;
        const QJsonObject range = o.value(QStringLiteral("referenceRange")).toArray().at(0).toObject();
        if (range.contains(QStringLiteral("text")) && !range.contains(QStringLiteral("low")) && !range.contains(QStringLiteral("high")))
            ++textRange;
        if (o.contains(QStringLiteral("valueSampledData"))) {
            ++sampled;
            CHECK_FALSE(o.value(QStringLiteral("effectiveDateTime")).toString().isEmpty());
        }
    }
    CHECK(peakFlow >= 8);
    CHECK(bpPanels >= 50);
    CHECK(hbUnits == QSet<QString>{QStringLiteral("g/dL"), QStringLiteral("g/L")}); // same code, unit changed in 2013
    CHECK(glucoseMoles >= 2);
    CHECK(glucoseMass == 1);
    CHECK(textOnly >= 3);
    CHECK(textRange >= 2);
    CHECK(sampled == 1);

    // Problems: active, resolved and inactive; one with a code but no text, and (teen) one with no code at all.
    QSet<QString> statuses;
    int textless = 0;
    for (const QJsonObject &c : all(f, token, QStringLiteral("Condition"), parentId)) {
        statuses.insert(codeOf(c.value(QStringLiteral("clinicalStatus")).toObject(),
                               QStringLiteral("http://terminology.hl7.org/CodeSystem/condition-clinical")));
        const QJsonObject code = c.value(QStringLiteral("code")).toObject();
        if (!code.contains(QStringLiteral("text"))) {
            ++textless;
            CHECK_FALSE(c.value(QStringLiteral("onsetDateTime")).toString().isEmpty());
        }
    }
    CHECK(statuses.contains(QStringLiteral("active")));
    CHECK(statuses.contains(QStringLiteral("resolved")));
    CHECK(statuses.contains(QStringLiteral("inactive")));
    CHECK(textless == 1);
    int uncoded = 0;
    for (const QJsonObject &c : all(f, token, QStringLiteral("Condition"), teenId))
        uncoded += c.contains(QStringLiteral("code")) ? 0 : 1;
    CHECK(uncoded == 1);

    // Medicines: repeat templates (plan, continuous; active and stopped), acute orders, repeat issues.
    int repeatActive = 0, repeatStopped = 0, acute = 0, issues = 0;
    for (const QJsonObject &m : all(f, token, QStringLiteral("MedicationRequest"), parentId)) {
        const QString intent = m.value(QStringLiteral("intent")).toString();
        const QString course = codeOf(m.value(QStringLiteral("courseOfTherapyType")).toObject(),
                                      QStringLiteral("http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy"));
        const QString status = m.value(QStringLiteral("status")).toString();
        if (intent == QLatin1String("plan") && course == QLatin1String("continuous"))
            (status == QLatin1String("active") ? repeatActive : repeatStopped) += 1;
        if (intent == QLatin1String("order") && course == QLatin1String("acute") && status == QLatin1String("completed"))
            ++acute;
        if (m.contains(QStringLiteral("basedOn")))
            ++issues;
    }
    CHECK(repeatActive >= 5);
    CHECK(repeatStopped >= 2);
    CHECK(acute >= 8);
    CHECK(issues >= 10);

    // Allergies carry a reaction with manifestation and severity.
    for (const QJsonObject &a : all(f, token, QStringLiteral("AllergyIntolerance"), parentId)) {
        const QJsonObject reaction = a.value(QStringLiteral("reaction")).toArray().at(0).toObject();
        CHECK_FALSE(codeOf(reaction.value(QStringLiteral("manifestation")).toArray().at(0).toObject(), kSct).isEmpty());
        CHECK_FALSE(reaction.value(QStringLiteral("severity")).toString().isEmpty());
    }
}

TEST_CASE("children's immunisations follow the UK schedule with a gap or two", "[sandbox]")
{
    Fixture f;
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const QStringList ids = familyIds(f);
    REQUIRE(ids.size() == 3);
    auto codes = [&](const QString &patient) {
        QStringList out;
        for (const QJsonObject &imm : all(f, token, QStringLiteral("Immunization"), patient)) {
            const QString code = codeOf(imm.value(QStringLiteral("vaccineCode")).toObject(), kSct);
            CHECK_FALSE(code.isEmpty());
            out.append(code);
        }
        return out;
    };
    const QStringList teen = codes(ids.at(1));
    const QStringList child = codes(ids.at(2));
    // SNOMED CT vaccine products: 5-in-1 871887006, 6-in-1 871895005, MenB 1981000221108, MMR 871831003,
    // Hib/MenC 836500008, 4-in-1 pre-school 871878002, HPV 836379009, Td/IPV 871837004, MenACWY 871873006.
    CHECK(teen.count(QStringLiteral("871887006")) == 3);
    CHECK(teen.count(QStringLiteral("871831003")) == 2);
    CHECK(teen.count(QStringLiteral("836500008")) == 1);
    CHECK(teen.count(QStringLiteral("871878002")) == 1);
    CHECK(teen.count(QStringLiteral("836379009")) == 1);
    CHECK(teen.count(QStringLiteral("871837004")) == 1);
    CHECK(teen.count(QStringLiteral("871873006")) == 0); // MenACWY not given yet
    CHECK(child.count(QStringLiteral("871895005")) == 3);
    CHECK(child.count(QStringLiteral("1981000221108")) == 2); // the one-year MenB booster is missing
    CHECK(child.count(QStringLiteral("871831003")) == 2);
    CHECK(child.count(QStringLiteral("836387005")) == 2);
}

TEST_CASE("the whole record is deterministic: same seed, same bytes", "[sandbox]")
{
    auto snapshot = [](quint64 seed) {
        Fixture f(seed);
        const QByteArray token = f.accessToken(QStringLiteral("parent"));
        QByteArray out;
        for (const QString &patient : familyIds(f))
            for (const QString &type : {QStringLiteral("Encounter"), QStringLiteral("Observation"), QStringLiteral("Condition"),
                                       QStringLiteral("MedicationRequest"), QStringLiteral("Immunization"),
                                       QStringLiteral("DocumentReference")})
                for (const QJsonObject &r : all(f, token, type, patient)) {
                    out += QJsonDocument(r).toJson(QJsonDocument::Compact);
                    if (type == QLatin1String("DocumentReference"))
                        out += get(f.fhir(QLatin1Char('/') + r.value(QStringLiteral("content")).toArray().at(0).toObject()
                                                                 .value(QStringLiteral("attachment")).toObject().value(QStringLiteral("url")).toString()),
                                   token).body;
                }
        return QCryptographicHash::hash(out, QCryptographicHash::Sha256);
    };
    const QByteArray a = snapshot(11);
    CHECK(a == snapshot(11));
    CHECK(a != snapshot(12));
}

TEST_CASE("counts per type at scale 1, and the size of the bench's scaled record", "[sandbox]")
{
    Fixture f; // seed 1, scale 1
    const QJsonArray people = QJsonDocument::fromJson(get(f.url(QStringLiteral("/_sandbox/patients"))).body).array();
    REQUIRE(people.size() == 3);
    const auto count = [&](int person, const char *type) {
        const QJsonObject p = people.at(person).toObject();
        const QJsonObject counts = p.value(QStringLiteral("counts")).toObject();
        return counts.contains(QLatin1String(type)) ? counts.value(QLatin1String(type)).toInt()
                                                    : p.value(QStringLiteral("documentCounts")).toObject().value(QLatin1String(type)).toInt();
    };
    // Documents: parent 6 (registration form, diabetes letter, discharge summary, X-ray, orthopaedic letter,
    // physiotherapy letter), each child 3; one Binary per DocumentReference.
    CHECK(count(0, "DocumentReference") == 6);
    CHECK(count(1, "DocumentReference") == 3);
    CHECK(count(2, "DocumentReference") == 3);
    for (int i = 0; i < 3; ++i)
        CHECK(count(i, "Binary") == count(i, "DocumentReference"));
    // Immunisations: parent 14 flu + 5 COVID + 1 pertussis; teen 5-in-1 x3, PCV x3, MenC, Hib/MenC, MMR x2,
    // pre-school, nasal flu 2014-2025 (12), HPV, Td/IPV = 25; child 17 (one MenB and one flu missing).
    CHECK(count(0, "Immunization") == 20);
    CHECK(count(1, "Immunization") == 25);
    CHECK(count(2, "Immunization") == 17);
    CHECK(count(0, "Encounter") >= 150);
    CHECK(count(0, "Observation") >= 1000);
    CHECK(count(0, "Condition") == 26);
    CHECK(count(1, "Condition") == 5);
    CHECK(count(2, "Condition") == 4);

    // Ids are unique per type (writers of one patient never reuse a kind's sequence).
    for (const char *type : {"Observation", "Encounter", "Condition", "MedicationRequest", "Immunization",
                             "DiagnosticReport", "DocumentReference", "Binary"}) {
        INFO(type);
        const QJsonObject listed = get(f.url(QStringLiteral("/_sandbox/resources?type=") + QLatin1String(type))).object();
        QSet<QString> unique;
        for (const auto &id : listed.value(QStringLiteral("ids")).toArray())
            unique.insert(id.toString());
        CHECK(unique.size() == listed.value(QStringLiteral("count")).toInt());
        CHECK(unique.size() == count(0, type) + count(1, type) + count(2, type));
    }

    // The bench's record (scale 35) stays in the tens of thousands.
    SandboxServer big(hearth::sandbox::SandboxOptions{1, 35, 3600});
    REQUIRE(big.listen(0));
    const QString origin = big.fhirBaseUrl().toString().chopped(int(qstrlen("/fhir/R4")));
    int total = 0;
    for (const auto &p : QJsonDocument::fromJson(get(QUrl(origin + QStringLiteral("/_sandbox/patients"))).body).array())
        for (const QString &key : {QStringLiteral("counts"), QStringLiteral("documentCounts")})
            for (const auto &v : p.toObject().value(key).toObject())
                total += v.toInt();
    INFO("scale 35 total " << total);
    CHECK(total >= 45000);
    CHECK(total <= 90000);
}
