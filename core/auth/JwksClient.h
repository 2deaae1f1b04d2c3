#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;

namespace hearth {

// Fetches a JWKS document and checks it is a JSON object with a "keys" array. Returns the raw bytes
// for IdTokenVerifier. `done` is called exactly once, later; deleting this object cancels.
class JwksClient : public QObject {
    Q_OBJECT
public:
    explicit JwksClient(QNetworkAccessManager &nam, QObject *parent = nullptr);
    void fetch(const QUrl &jwksUri, std::function<void(Result<QByteArray>)> done);

private:
    QNetworkAccessManager &m_nam;
};

} // namespace hearth
