# The verbs a newcomer types. `make run` and `make test` need nothing set up beforehand.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Every target but help runs Java. The JDK is looked for only then, so that `make help` works without one.
ifneq ($(filter-out help,$(MAKECMDGOALS)),)
JAVA_HOME := $(shell scripts/find-jdk)
ifeq ($(JAVA_HOME),)
$(error no JDK >= 21 found: see the message above)
endif
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
endif

MVN := ./mvnw -B -ntp

.PHONY: help run stop status build images images-aot lint format test test-unit e2e bench clean reset

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

build: ## compile and package every module, without tests
	@scripts/prerequisites
	$(MVN) -q package -DskipTests

images: build ## container images without a Docker daemon: OCI tarballs in target/images/<service>/ (jvm; jvm-aot once trained), checked
	@scripts/images

images-aot: images ## trains each service's AOT cache (bench scenario startup, under the bench lock), then builds the jvm-aot images too
	flock /tmp/opencdp-bench.lock $(JAVA_HOME)/bin/java -jar bench/target/bench.jar startup
	@scripts/images

run: build ## build, then start PostgreSQL, Keycloak, a local mailbox and the five services; prints URLs and demo logins
	@scripts/local-stack start

stop: ## stop everything `make run` started (works after `make clean` too)
	@scripts/local-stack stop

status: ## show what of the local suite is running
	@scripts/local-stack status

lint: build ## code checks: format, no version pins the Quarkus BOM makes, OpenAPI lint (of the built documents), architecture rules
	@scripts/lint

format: ## reformat the Java code (palantir-java-format) so that `make lint` passes its format check
	$(MVN) -q spotless:apply

test: ## everything the tests need, then all tests (unit, service, end-to-end)
	@scripts/prerequisites
	$(MVN) verify

test-unit: ## all tests except the end-to-end ones
	@scripts/prerequisites
	$(MVN) verify -pl '!e2e'

e2e: ## only the end-to-end tests: builds what they need, starts its own suite on other ports (18081…, 18180)
	@scripts/prerequisites
	$(MVN) verify -pl e2e -am -DskipTests -Pe2e

bench: images ## benchmarks, every scenario (~75 min after the build, on an otherwise idle machine): own suite on ports 28081…, reports in bench/results/
	@scripts/prerequisites --bench
	$(JAVA_HOME)/bin/java -jar bench/target/bench.jar

clean: ## remove build output (the local suite's data stays)
	$(MVN) -q clean

reset: ## stop the local suite and delete its data (database, Keycloak, logs, keys); deletes nothing while any of it runs
	@scripts/local-stack reset
