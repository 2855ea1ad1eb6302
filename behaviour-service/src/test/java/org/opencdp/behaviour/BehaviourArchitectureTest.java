package org.opencdp.behaviour;

import org.opencdp.testsupport.ServiceArchitectureTest;

class BehaviourArchitectureTest extends ServiceArchitectureTest {}
