{{- define "cdp-service.name" -}}
{{- required "nameOverride names the service (e.g. profile-service)" .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "cdp-service.labels" -}}
app.kubernetes.io/name: {{ include "cdp-service.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: api
app.kubernetes.io/part-of: opencdp
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "cdp-service.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cdp-service.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "cdp-service.image" -}}
{{- $repository := .Values.image.repository | default (printf "%s/%s" .Values.global.image.registry (include "cdp-service.name" .)) -}}
{{- $tag := .Values.image.tag | default .Values.global.image.tag | default .Chart.AppVersion -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}

{{/*
Whether the services speak HTTPS themselves, with certificates from cert-manager ("cert-manager"), or plain HTTP
inside the pod while a service mesh encrypts and authenticates the connection ("mesh"). See docs/security.md.
*/}}
{{- define "cdp-service.tls" -}}
{{- if eq (.Values.global.tls.mode | default "cert-manager") "cert-manager" }}true{{ end -}}
{{- end -}}

{{/* The port the API listens on: HTTPS with cert-manager certificates, plain HTTP behind a mesh. */}}
{{- define "cdp-service.apiPort" -}}
{{- if include "cdp-service.tls" . }}{{ .Values.httpsPort }}{{ else }}{{ .Values.port }}{{ end -}}
{{- end -}}

{{- define "cdp-service.apiPortName" -}}
{{- if include "cdp-service.tls" . }}https{{ else }}http{{ end -}}
{{- end -}}

{{/*
A JDBC URL that only talks to the real database: TLS, and the server's certificate checked against the CA of its
CloudNativePG cluster (mounted from the <cluster>-ca Secret) and its host name. Call with (list $ url mountPath).
*/}}
{{- define "cdp-service.verifiedJdbcUrl" -}}
{{- $url := index . 0 -}}{{- $mount := index . 1 -}}
{{- printf "%s%ssslmode=verify-full&sslrootcert=%s/ca.crt" $url (ternary "&" "?" (contains "?" $url)) $mount -}}
{{- end -}}

{{/* The URL under which this release's services reach the named service (profile, behaviour, ...). */}}
{{- define "cdp-service.serviceUrl" -}}
{{- $ := index . 0 -}}{{- $service := index . 1 -}}
{{- $override := index ($.Values.global.services | default dict) $service -}}
{{- if $override -}}{{ $override }}{{- else if include "cdp-service.tls" $ -}}
https://{{ $service }}-service:{{ $.Values.httpsPort }}
{{- else -}}
http://{{ $service }}-service:{{ $.Values.port }}
{{- end -}}
{{- end -}}
