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

{{/* The image variant: jvm, jvm-aot or native (image.variant, else global.image.variant). */}}
{{- define "cdp-service.variant" -}}
{{- .Values.image.variant | default (.Values.global.image.variant | default "jvm") -}}
{{- end -}}

{{/*
The image of a variant, call with (list $ variant): one repository per service, the variant in the tag's suffix
(<tag>, <tag>-aot, <tag>-native), as the image build names them.
*/}}
{{- define "cdp-service.imageOf" -}}
{{- $ := index . 0 -}}{{- $variant := index . 1 -}}
{{- $repository := $.Values.image.repository | default (printf "%s/%s" $.Values.global.image.registry (include "cdp-service.name" $)) -}}
{{- $tag := $.Values.image.tag | default $.Values.global.image.tag | default $.Chart.AppVersion -}}
{{- $suffix := get (dict "jvm" "" "jvm-aot" "-aot" "native" "-native") $variant -}}
{{- printf "%s:%s%s" $repository $tag $suffix -}}
{{- end -}}

{{- define "cdp-service.image" -}}
{{- include "cdp-service.imageOf" (list . (include "cdp-service.variant" .)) -}}
{{- end -}}

{{/*
The JVM's options for the variant (JDK_JAVA_OPTIONS, read by the java launcher the images start): the defaults of
jvm.options (beside values.yaml, the one place that defines them), then the service's own of jvm-<service>.options
beside it if there is one (the release's alias, e.g. jvm-tracking-service.options; tools/local-stack reads both the
same way), then javaOptions (a later option wins), plus the AOT cache for jvm-aot. Empty for native, which has no JVM.
*/}}
{{- define "cdp-service.defaultJavaOptions" -}}
{{- $options := list -}}
{{- range $file := list "jvm.options" (printf "jvm-%s.options" $.Chart.Name) -}}
{{- range splitList "\n" ($.Files.Get $file) -}}
{{- $line := trim . -}}
{{- if and $line (not (hasPrefix "#" $line)) -}}
{{- $options = append $options $line -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- join " " $options -}}
{{- end -}}

{{- define "cdp-service.javaOptions" -}}
{{- $variant := include "cdp-service.variant" . -}}
{{- if ne $variant "native" -}}
{{- $options := list (include "cdp-service.defaultJavaOptions" .) -}}
{{- with .Values.javaOptions }}{{ $options = append $options . }}{{ end -}}
{{- if eq $variant "jvm-aot" -}}
{{- $options = append $options (printf "-XX:AOTCache=%s" .Values.image.aotCache) -}}
{{- end -}}
{{- join " " $options -}}
{{- end -}}
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
