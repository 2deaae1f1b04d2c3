#pragma once

#include "SectionTypes.h"

#include "common/Result.h"

#include <optional>

namespace hearth {

class ResourceStore;

// Reads one record section at a time out of the encrypted store for the section pages.
// Withdrawn entries (entered in error, refuted) are never returned; entries the app cannot show
// come back with supported = false so the page can say so. Holds no state: every call reads the store.
class SectionsRepository {
public:
    explicit SectionsRepository(const ResourceStore &store);

    // Active first (newest onset first), then past (newest first).
    Result<QList<ProblemItem>> problems() const;
    // Repeat, current, acute, past; newest first in each. Issues of a repeat are folded into
    // their repeat's lastIssued rather than listed.
    Result<QList<MedicineItem>> medicines() const;
    // Active first, then by substance.
    Result<QList<AllergyItem>> allergies() const;
    // Newest first.
    Result<QList<ImmunisationItem>> immunisations() const;

    // Consultations newest first, one page of the store's date index.
    Result<SectionPage<ConsultationItem>> consultations(int offset, int limit) const;
    // The consultation with the entries made in it and its free-text notes; nullopt if unknown or
    // withdrawn. Entries are found on the date index around the consultation, then checked by reference.
    Result<std::optional<ConsultationDetail>> consultation(const QString &id) const;

    // Documents newest first, one page.
    Result<SectionPage<DocumentItem>> documents(int offset, int limit) const;
    // One document read from the store (not only from a loaded page: a search hit may be an old
    // letter); nullopt if unknown or one the Documents section hides.
    Result<std::optional<DocumentItem>> document(const QString &id) const;
    // The stored bytes of a document's attachment; nullopt if it has not been downloaded.
    Result<std::optional<DocumentContent>> documentContent(const QString &documentId) const;

    // How many rows a section has in the store (withdrawn ones are already gone after sync).
    Result<qint64> count(const QString &resourceType) const;

    // The SNOMED CT code of GP Connect's free-text "Comment note" observations.
    static constexpr const char *kCommentNoteCode = "37331000000100";

private:
    // Reads store rows from `offset` until `limit` items were made or the type ends; `make` returns
    // false for rows to skip.
    template <typename T, typename F>
    Result<SectionPage<T>> page(const QString &type, int offset, int limit, F make) const;

    const ResourceStore &m_store;
};

} // namespace hearth
