package org.opencdp.behaviour;

import org.opencdp.testsupport.ServiceBaselineTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BehaviourBaselineTest extends ServiceBaselineTest {}
