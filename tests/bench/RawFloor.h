#pragma once
// The physical floor of a first sync: the same FHIR pages fetched raw (no JSON parse, next links
// found by a byte scan) and stored as they arrived with the SQLCipher C API, one transaction per page.
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace hearth::bench {

struct Token {
    QByteArray accessToken;
    QString patientId;
    QString error;   // empty on success
};

// Authorization code + PKCE S256 by hand against the sandbox, with login_hint (no browser).
Token signInByHand(QNetworkAccessManager &nam, const QUrl &fhirBase, const QString &loginHint);

struct FloorRun {
    double seconds = 0;
    int pages = 0;
    qint64 bytes = 0;
    QString error;   // empty on success
};

// Fetches every type's pages (`maxInFlight` types at a time, as the sync engine does) and inserts
// each page's bytes into a fresh encrypted database at `dbPath`.
FloorRun runRawFloor(QNetworkAccessManager &nam, const QUrl &fhirBase, const Token &token,
                     const QString &dbPath, int maxInFlight = 4);

} // namespace hearth::bench
