#include "SearchText.h"

#include <string_view>

namespace hearth {
namespace {

using simdjson::dom::element;

// A very long note is still indexed, but a runaway field cannot blow the index up.
constexpr qsizetype kMaxFragment = 20000;

QString text(element e)
{
    std::string_view v;
    if (e.get_string().get(v) != simdjson::SUCCESS)
        return {};
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

QString stringAt(element e, std::string_view key)
{
    element v;
    if (e[key].get(v) != simdjson::SUCCESS)
        return {};
    return text(v);
}

// Calls fn for each element of e[key] if it is an array, or for e[key] itself if it is not.
template <typename Fn>
void forEach(element e, std::string_view key, Fn &&fn)
{
    element v;
    if (e[key].get(v) != simdjson::SUCCESS)
        return;
    simdjson::dom::array list;
    if (v.get_array().get(list) == simdjson::SUCCESS) {
        for (element item : list)
            fn(item);
    } else {
        fn(v);
    }
}

class Collector {
public:
    SearchDocument doc;

    void add(const QString &raw)
    {
        QString t = raw.trimmed();
        if (t.isEmpty())
            return;
        if (t.size() > kMaxFragment)
            t.truncate(kMaxFragment);
        if (!doc.texts.contains(t))
            doc.texts << t;
    }
    void addAt(element e, std::string_view key) { add(stringAt(e, key)); }

    // CodeableConcept: its text and every coding's display. Returns the best name for a title.
    QString concept_(element cc)
    {
        QString best = stringAt(cc, "text").trimmed();
        add(best);
        forEach(cc, "coding", [&](element coding) {
            const QString display = stringAt(coding, "display").trimmed();
            if (best.isEmpty())
                best = display;
            add(display);
        });
        return best;
    }
    QString conceptAt(element e, std::string_view key)
    {
        QString best;
        forEach(e, key, [&](element cc) {
            const QString name = concept_(cc);
            if (best.isEmpty())
                best = name;
        });
        return best;
    }
    void displayAt(element e, std::string_view key)
    {
        forEach(e, key, [&](element ref) { addAt(ref, "display"); });
    }
    void notes(element e)
    {
        forEach(e, "note", [&](element annotation) {
            addAt(annotation, "text");
            displayAt(annotation, "authorReference");
        });
    }
    void title(const QString &t)
    {
        if (doc.title.isEmpty())
            doc.title = t.trimmed();
    }
};

// "Encounter/<id>" (relative or absolute) → id; anything else → empty.
QString encounterIdFrom(element reference)
{
    const QString ref = stringAt(reference, "reference");
    const qsizetype slash = ref.lastIndexOf(u'/');
    if (slash < 0 || !ref.left(slash).endsWith(QLatin1String("Encounter")))
        return {};
    return ref.mid(slash + 1);
}

// encounter (most clinical types) or context.encounter[0] (DocumentReference).
QString encounterIdOf(element resource)
{
    element enc;
    if (resource["encounter"].get(enc) == simdjson::SUCCESS)
        return encounterIdFrom(enc);
    element context;
    QString id;
    if (resource["context"].get(context) == simdjson::SUCCESS)
        forEach(context, "encounter", [&](element e) {
            if (id.isEmpty())
                id = encounterIdFrom(e);
        });
    return id;
}

void medication(Collector &c, element r, std::string_view dosageField)
{
    c.title(c.conceptAt(r, "medicationCodeableConcept"));
    element ref;
    if (r["medicationReference"].get(ref) == simdjson::SUCCESS) {
        c.title(stringAt(ref, "display"));
        c.addAt(ref, "display");
    }
    forEach(r, dosageField, [&](element dosage) {
        c.addAt(dosage, "text");
        c.addAt(dosage, "patientInstruction");
    });
    c.conceptAt(r, "reasonCode");
    c.displayAt(r, "requester");
    c.displayAt(r, "informationSource");
    c.notes(r);
}

} // namespace

SearchDocument SearchTextExtractor::extract(element r)
{
    Collector c;
    std::string_view type;
    if (r["resourceType"].get_string().get(type) != simdjson::SUCCESS)
        return c.doc;

    if (type == "Observation") {
        c.title(c.conceptAt(r, "code"));
        c.addAt(r, "valueString");   // consultation notes live here
        c.conceptAt(r, "valueCodeableConcept");
        c.conceptAt(r, "interpretation");
        c.conceptAt(r, "bodySite");
        c.conceptAt(r, "method");
        c.displayAt(r, "performer");
        forEach(r, "component", [&](element comp) {
            c.conceptAt(comp, "code");
            c.addAt(comp, "valueString");
            c.conceptAt(comp, "valueCodeableConcept");
        });
        c.notes(r);
    } else if (type == "DiagnosticReport") {
        c.title(c.conceptAt(r, "code"));
        c.addAt(r, "conclusion");
        c.conceptAt(r, "conclusionCode");
        c.displayAt(r, "performer");
        c.displayAt(r, "resultsInterpreter");
    } else if (type == "Condition") {
        c.title(c.conceptAt(r, "code"));
        c.conceptAt(r, "bodySite");
        c.conceptAt(r, "severity");
        c.displayAt(r, "asserter");
        c.notes(r);
    } else if (type == "AllergyIntolerance") {
        c.title(c.conceptAt(r, "code"));
        forEach(r, "reaction", [&](element reaction) {
            c.conceptAt(reaction, "substance");
            c.conceptAt(reaction, "manifestation");
            c.addAt(reaction, "description");
            c.notes(reaction);
        });
        c.notes(r);
    } else if (type == "MedicationRequest") {
        medication(c, r, "dosageInstruction");
    } else if (type == "MedicationStatement") {
        medication(c, r, "dosage");
    } else if (type == "Immunization") {
        c.title(c.conceptAt(r, "vaccineCode"));
        c.conceptAt(r, "reasonCode");
        c.conceptAt(r, "site");
        forEach(r, "performer", [&](element p) { c.displayAt(p, "actor"); });
        forEach(r, "protocolApplied", [&](element p) {
            c.conceptAt(p, "targetDisease");
            c.addAt(p, "series");
        });
        c.notes(r);
    } else if (type == "Encounter") {
        c.title(c.conceptAt(r, "type"));
        c.conceptAt(r, "serviceType");
        c.conceptAt(r, "reasonCode");
        forEach(r, "participant", [&](element p) { c.displayAt(p, "individual"); });
        forEach(r, "location", [&](element l) { c.displayAt(l, "location"); });
        c.displayAt(r, "serviceProvider");
    } else if (type == "DocumentReference") {
        c.addAt(r, "description");
        c.title(stringAt(r, "description"));
        forEach(r, "content", [&](element content) {
            element attachment;
            if (content["attachment"].get(attachment) == simdjson::SUCCESS) {
                c.title(stringAt(attachment, "title"));
                c.addAt(attachment, "title");
            }
        });
        c.title(c.conceptAt(r, "type"));
        c.conceptAt(r, "category");
        c.displayAt(r, "author");
        c.displayAt(r, "custodian");
    } else if (type == "Procedure") {
        c.title(c.conceptAt(r, "code"));
        c.conceptAt(r, "reasonCode");
        c.conceptAt(r, "bodySite");
        forEach(r, "performer", [&](element p) { c.displayAt(p, "actor"); });
        c.notes(r);
    }
    // Patient, Binary and anything else: nothing is searchable.
    c.doc.encounterId = encounterIdOf(r);
    return c.doc;
}

Result<SearchDocument> SearchTextExtractor::fromJson(const QByteArray &json)
{
    // A parser per call keeps this free of shared state; screens call it for a handful of rows.
    simdjson::dom::parser parser;
    element root;
    if (parser.parse(json.constData(), size_t(json.size())).get(root) != simdjson::SUCCESS)
        return Error::make(Error::Kind::Parse, QStringLiteral("stored resource is not valid JSON"));
    return extract(root);
}

} // namespace hearth
