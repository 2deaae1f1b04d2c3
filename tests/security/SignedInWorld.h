#pragma once
// The whole app path against the in-process sandbox, as the app runs it: a Profile in a directory
// under HOME whose keys live in the real (test) gnome-keyring, the parent signed in through the real
// OpenID Connect + PKCE flow, every patient synced, a repeat prescription ordered through the outbox
// and sent. Also collects the data set's sentinels (names, NHS numbers, ids, medicines, tokens).
#include "Pharmacy.h"
#include "PrescriptionRequest.h"
#include "PrescriptionsRepository.h"

#include "auth/AuthRequest.h"
#include "auth/TokenSet.h"
#include "store/CacheDatabase.h"
#include "store/QtKeychainKeyStore.h"
#include "store/ResourceStore.h"
#include "support/SpinUntil.h"
#include "sync/HeadlessBrowser.h"
#include "sync/Outbox.h"
#include "sync/Profile.h"
#include "sync/Session.h"

#include "SandboxServer.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>

#include <memory>

namespace hearth::test {

// A note only this test writes, so finding it on disk or in a log means the order leaked.
inline const QString kOrderNoteSentinel = QStringLiteral("Sentinel note: away from Friday, ZQX-4417");

struct SignedInWorld {
    sandbox::SandboxServer server;
    QNetworkAccessManager nam;
    QtKeychainKeyStore keys;
    QString profileDir;
    std::unique_ptr<Profile> profile;
    std::unique_ptr<Session> session;
    QStringList orderedIds;

    explicit SignedInWorld(const QString &dir) : profileDir(dir)
    {
        REQUIRE(server.listen(0));
        auto opened = Profile::open(profileDir, keys, true);
        INFO((opened.ok() ? QString() : opened.error().describe()).toStdString());
        REQUIRE(opened.ok());
        profile = std::move(opened).value();
        session = std::make_unique<Session>(nam, *profile);
    }

    void signIn()
    {
        HeadlessBrowser browser(nam);
        AuthParams params;
        params.loginHint = QStringLiteral("parent");
        std::optional<Status> done;
        session->signIn(server.fhirBaseUrl(), params, [&](const QUrl &url) { browser.open(url); },
                        [&](Status s) { done = s; });
        REQUIRE(spinUntil([&] { return done.has_value(); }, 30000));
        INFO((done->ok() ? QString() : done->error().describe()).toStdString());
        REQUIRE(done->ok());
        // The parent's sign-in covers the children too: keep each of their records.
        Account account = *session->account();
        account.patientIds = patientsOnServer();
        REQUIRE(profile->setAccount(account).ok());
        REQUIRE(session->restore().ok());
    }

    // The parent and both children (the sandbox's family), parent first.
    QStringList patientsOnServer() const
    {
        const QString self = session->account()->selfPatientId;
        QStringList ids{self};
        for (const QString &id : {QStringLiteral("pat-0001"), QStringLiteral("pat-0002"), QStringLiteral("pat-0003")})
            if (id != self)
                ids << id;
        return ids;
    }

    SyncReport syncAll()
    {
        std::optional<Result<SyncReport>> report;
        session->syncAll([&](Result<SyncReport> r) { report = std::move(r); });
        REQUIRE(spinUntil([&] { return report.has_value(); }, 120000));
        INFO((report->ok() ? QString() : report->error().describe()).toStdString());
        REQUIRE(report->ok());
        return report->value();
    }

    ResourceStore store(const QString &patientId)
    {
        auto db = profile->patientDatabase(patientId, false);
        REQUIRE(db.ok());
        return ResourceStore(db.value()->database());
    }

    // Orders the first repeat the practice allows online, through the outbox, then syncs (which
    // flushes the outbox first and reads the new request back).
    void orderRepeat()
    {
        const QString self = session->account()->selfPatientId;
        ResourceStore resources = store(self);
        PrescriptionsRepository repository(resources);
        auto templates = repository.repeatTemplates(QDateTime::currentDateTimeUtc());
        REQUIRE(templates.ok());
        auto patient = resources.get(QStringLiteral("Patient"), self);
        REQUIRE(patient.ok());
        REQUIRE(patient->has_value());
        PrescriptionRequest request(self, prescriptions::nominatedPharmacyOds(QJsonDocument::fromJson((*patient)->json).object()));
        for (const auto &t : *templates) {
            if (t.notOrderable == NotOrderableReason::None) {
                request.addItem(t.plan);
                break;
            }
        }
        request.setNote(kOrderNoteSentinel);
        auto box = session->outbox(self);
        REQUIRE(box.ok());
        Outbox *outbox = box.value();
        auto ids = request.submit([outbox](const QString &kind, const QString &type, const QByteArray &json) {
            return outbox->enqueue(kind, type, json);
        }, QDateTime::currentDateTimeUtc());
        REQUIRE(ids.ok());
        REQUIRE(ids->size() == 1);
        orderedIds = *ids;
        syncAll();
        auto item = outbox->item(orderedIds.first());
        REQUIRE(item.ok());
        REQUIRE(item->has_value());
        CHECK((*item)->state == OutboxState::Sent);
    }

    // Strings of the data set that must never appear in a log line or in a file in plaintext.
    QStringList sentinels()
    {
        QSet<QString> out{kOrderNoteSentinel};
        auto tokens = profile->tokens();
        REQUIRE(tokens.ok());
        REQUIRE(tokens->has_value());
        for (const QByteArray &t : {(*tokens)->accessToken, (*tokens)->refreshToken, (*tokens)->idToken})
            if (!t.isEmpty())
                out << QString::fromLatin1(t);
        const QStringList patientIds = session->account()->patientIds;   // account() returns a copy
        for (const QString &id : patientIds) {
            out << id;
            ResourceStore resources = store(id);
            auto patient = resources.get(QStringLiteral("Patient"), id);
            REQUIRE(patient.ok());
            REQUIRE(patient->has_value());
            const QJsonObject p = QJsonDocument::fromJson((*patient)->json).object();
            for (const QJsonValue &name : p.value(QStringLiteral("name")).toArray()) {
                out << name[QStringLiteral("family")].toString();
                for (const QJsonValue &given : name[QStringLiteral("given")].toArray())
                    out << given.toString();
            }
            for (const QJsonValue &identifier : p.value(QStringLiteral("identifier")).toArray())
                out << identifier[QStringLiteral("value")].toString();
            auto meds = resources.list(QStringLiteral("MedicationRequest"));
            REQUIRE(meds.ok());
            for (const StoredResource &m : *meds) {
                const QJsonObject concept_ = QJsonDocument::fromJson(m.json).object()
                                                 .value(QStringLiteral("medicationCodeableConcept")).toObject();
                out << concept_.value(QStringLiteral("text")).toString();
                for (const QJsonValue &coding : concept_.value(QStringLiteral("coding")).toArray())
                    out << coding[QStringLiteral("display")].toString();
            }
        }
        out.remove(QString());
        QStringList list(out.begin(), out.end());
        // Short strings (a three-letter given name) would also match unrelated bytes; every sentinel
        // kept is specific enough that a hit is a leak.
        list.erase(std::remove_if(list.begin(), list.end(), [](const QString &s) { return s.size() < 4; }), list.end());
        std::sort(list.begin(), list.end());
        return list;
    }
};

} // namespace hearth::test
