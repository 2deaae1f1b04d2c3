#include "BundleReader.h"

#include "ResourceIndexer.h"

#include <simdjson.h>

namespace hearth {
namespace {

Error parseError(const QString &what)
{
    return Error::make(Error::Kind::Parse, what);
}

} // namespace

struct BundleReader::Parsers {
    simdjson::dom::parser dom;
    simdjson::ondemand::parser ondemand;
};

BundleReader::BundleReader() : m_parsers(std::make_unique<Parsers>()) {}
BundleReader::~BundleReader() = default;

Result<BundlePage> BundleReader::readSearchPage(const QByteArray &body)
{
    const simdjson::padded_string padded(body.constData(), static_cast<size_t>(body.size()));

    // Pass 1 (DOM): validates the whole document strictly and reads bundle fields and index columns.
    simdjson::dom::element root;
    if (auto err = m_parsers->dom.parse(padded).get(root); err != simdjson::SUCCESS)
        return parseError(QStringLiteral("search page is not valid JSON (%1)").arg(QLatin1String(simdjson::error_message(err))));
    std::string_view resourceType;
    if (root["resourceType"].get_string().get(resourceType) != simdjson::SUCCESS || resourceType != "Bundle")
        return parseError(QStringLiteral("search page is not a Bundle"));

    BundlePage page;
    simdjson::dom::element meta;
    if (root["meta"].get(meta) == simdjson::SUCCESS) {
        std::string_view lastUpdated;
        if (meta["lastUpdated"].get_string().get(lastUpdated) == simdjson::SUCCESS)
            page.serverTime = toQString(lastUpdated);
    }
    int64_t total = -1;
    if (root["total"].get_int64().get(total) == simdjson::SUCCESS)
        page.total = total;
    simdjson::dom::array links;
    if (root["link"].get_array().get(links) == simdjson::SUCCESS) {
        for (simdjson::dom::element link : links) {
            std::string_view relation, url;
            if (link["relation"].get_string().get(relation) == simdjson::SUCCESS && relation == "next"
                && link["url"].get_string().get(url) == simdjson::SUCCESS)
                page.nextLink = toQString(url);
        }
    }

    QList<bool> wanted;   // per entry, whether it is a match we keep
    simdjson::dom::array entries;
    if (root["entry"].get_array().get(entries) == simdjson::SUCCESS) {
        for (simdjson::dom::element entry : entries) {
            std::string_view mode;
            const bool isMatch = entry["search"]["mode"].get_string().get(mode) != simdjson::SUCCESS || mode == "match";
            simdjson::dom::element resource;
            const bool hasResource = entry["resource"].get(resource) == simdjson::SUCCESS;
            wanted << (isMatch && hasResource);
            if (!isMatch || !hasResource)
                continue;
            QString patientReference;
            auto indexed = ResourceIndexer::index(resource, &patientReference);
            if (!indexed)
                return indexed.error();
            page.resources << std::move(indexed).value();
            page.patientReferences << patientReference;
        }
    }

    // Pass 2 (On-Demand): the exact bytes of each kept resource, so nothing the server sent is lost.
    simdjson::ondemand::document doc;
    if (m_parsers->ondemand.iterate(padded).get(doc) != simdjson::SUCCESS)
        return parseError(QStringLiteral("search page could not be re-read"));
    simdjson::ondemand::array rawEntries;
    if (page.resources.isEmpty())
        return page;
    if (doc.find_field_unordered("entry").get_array().get(rawEntries) != simdjson::SUCCESS)
        return parseError(QStringLiteral("search page entries could not be re-read"));
    qsizetype entryIndex = 0, kept = 0;
    for (auto entryValue : rawEntries) {
        if (entryIndex >= wanted.size())
            break;
        if (!wanted[entryIndex++])
            continue;
        simdjson::ondemand::object entry, resource;
        std::string_view raw;
        if (entryValue.get_object().get(entry) != simdjson::SUCCESS
            || entry.find_field_unordered("resource").get_object().get(resource) != simdjson::SUCCESS
            || resource.raw_json().get(raw) != simdjson::SUCCESS)
            return parseError(QStringLiteral("search page entry could not be re-read"));
        page.resources[kept++].json = QByteArray(raw.data(), static_cast<qsizetype>(raw.size()));
    }
    if (kept != page.resources.size())
        return parseError(QStringLiteral("search page entries changed between passes"));
    return page;
}

bool belongsToPatient(const QString &patientReference, const QString &patientId)
{
    if (patientReference.isEmpty() || patientReference == patientId)
        return true;
    const QString relative = QStringLiteral("Patient/") + patientId;
    return patientReference == relative || patientReference.endsWith(u'/' + relative);
}

Result<StoredResource> BundleReader::readResource(const QByteArray &body)
{
    const simdjson::padded_string padded(body.constData(), static_cast<size_t>(body.size()));
    simdjson::dom::element root;
    if (auto err = m_parsers->dom.parse(padded).get(root); err != simdjson::SUCCESS)
        return parseError(QStringLiteral("resource is not valid JSON (%1)").arg(QLatin1String(simdjson::error_message(err))));
    auto indexed = ResourceIndexer::index(root);
    if (!indexed)
        return indexed.error();
    indexed.value().json = body.trimmed();
    return indexed;
}

} // namespace hearth
