#include "Log.h"

Q_LOGGING_CATEGORY(lcNet, "hearth.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "hearth.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "hearth.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "hearth.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "hearth.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFhir, "hearth.fhir", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDomain, "hearth.domain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPlatform, "hearth.platform", QtInfoMsg)
