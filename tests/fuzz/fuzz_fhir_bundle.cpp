// The FHIR JSON a server sends, read on the sync hot path: any bytes must give a page or an error value,
// never a crash, a hang or a read out of bounds; then the search words of what it read. Also the
// OperationOutcome readers used on error bodies.
#include "fhir/BundleReader.h"
#include "fhir/OperationOutcome.h"
#include "store/SearchTokenizer.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static hearth::BundleReader reader;   // reused between inputs, as sync reuses it between pages
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    if (auto page = reader.readSearchPage(body); page.ok()) {
        for (const QString &reference : page->patientReferences)
            (void)hearth::belongsToPatient(reference, QStringLiteral("p1"));
        for (const hearth::StoredResource &r : page->resources)
            if (r.searchText)
                (void)hearth::SearchTokenizer::indexTokens(*r.searchText);
    }
    (void)reader.readResource(body);
    (void)hearth::summariseOperationOutcome(body);
    (void)hearth::operationOutcomeText(body);
    return 0;
}
