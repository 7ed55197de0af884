"""The README's first app in Python: a Terway cluster in two zones, as Terraform JSON.

Structs are passed as their generated classes (VpcSpec, ZoneNetworkSpec, VSwitchSpec): the jsii
runtime refuses plain dicts inside lists ("Missing required properties for ZoneNetworkSpec").

    pip install ack-terway-network   # not on PyPI yet: see the README, "Other languages"
    python terway_cluster.py         # writes cdktf.out/stacks/network/cdk.tf.json

What is verified (test/package/consumer.test.ts, with scripts/check_python_example.py): this file
compiles, and every name it imports from ack_terway_network, every keyword argument of those
classes' constructors and methods, and every enum member it uses exist in the Python package
jsii-pacmak generates from this repository. It is not run: the jsii runtime and the cdktf
Python package come from PyPI.
"""
from cdktf import App, TerraformStack

from ack_terway_network import (
    NetworkAcceleration,
    TerwayCluster,
    VpcSpec,
    VSwitchSpec,
    ZoneNetworkSpec,
)
from ack_terway_network.alicloud.provider import AlicloudProvider

app = App()
stack = TerraformStack(app, "network")
# Credentials come from the environment (ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY, a profile or RRSA).
AlicloudProvider(stack, "alicloud", region="cn-hangzhou")

cluster = TerwayCluster(
    stack,
    "Cluster",
    cluster_name="prod",
    kubernetes_version="1.33.1-aliyun.1",
    vpc=VpcSpec(cidr_block="192.168.0.0/16"),
    zones=[
        ZoneNetworkSpec(
            zone_id="cn-hangzhou-h",
            node_v_switches=[VSwitchSpec(cidr_block="192.168.0.0/24")],
            pod_v_switches=[VSwitchSpec(cidr_block="192.168.32.0/19")],
        ),
        ZoneNetworkSpec(
            zone_id="cn-hangzhou-i",
            node_v_switches=[VSwitchSpec(cidr_block="192.168.1.0/24")],
            pod_v_switches=[VSwitchSpec(cidr_block="192.168.64.0/19")],
        ),
    ],
    service_cidr="172.21.0.0/20",
    acceleration=NetworkAcceleration.DATAPATH_V2,
    expected_pod_count=6000,
)
cluster.add_node_pool("Workers", node_pool_name="workers", instance_types=["ecs.g7.xlarge"], desired_size=3)
app.synth()
