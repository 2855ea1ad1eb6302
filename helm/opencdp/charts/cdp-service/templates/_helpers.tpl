{{- define "cdp-service.name" -}}
{{- required "nameOverride names the service (e.g. profile-service)" .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "cdp-service.labels" -}}
app.kubernetes.io/name: {{ include "cdp-service.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
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
